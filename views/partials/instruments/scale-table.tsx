import type { Scale } from '../../../src/instruments/definition'
import { Table } from '../../components/table'

export function ScaleTable({ scale }: { scale: Scale }) {
  const hasDescriptors = scale.levels.some((level) => level.descriptor)
  return (
    <Table
      caption={`Scale: ${scale.title} (${scale.id})`}
      captionSize="m"
      columns={[
        { header: 'Value', numeric: true },
        { header: 'Level' },
        ...(hasDescriptors ? [{ header: 'What it means' }] : []),
      ]}
      rows={scale.levels.map((level) => [
        level.value,
        level.label,
        ...(hasDescriptors ? [level.descriptor ?? ''] : []),
      ])}
    />
  )
}
