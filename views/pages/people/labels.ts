import type { Role } from '../../../src/instruments/enums'

export const roleLabels: Record<Role, string> = {
  admin: 'Organisation admin',
  'strategy-lead': 'Recovery strategy lead',
  'team-lead': 'Team lead',
  executive: 'Executive team member',
  viewer: 'Viewer',
}
