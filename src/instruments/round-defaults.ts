import { defaultItemMid } from './comparison'
import { thresholdRules } from './results'
import { defaultTeamMid } from './team-change'

/** A new round's settings until someone changes them. */
export const roundDefaults = {
  anonymityThreshold: thresholdRules.anonymityThreshold.usual,
  commentThreshold: thresholdRules.commentThreshold.usual,
  itemMid: defaultItemMid,
  teamMid: defaultTeamMid,
}
