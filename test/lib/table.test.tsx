import { describe, expect, it } from 'vitest'
import { classed, Table } from '../../views/components/table'

describe('the table component (run on Node and inside workerd)', () => {
  it('escapes text cells, writes element cells, and gives a classed cell its own class only', async () => {
    const markup = String(
      await (
        <Table
          caption="Teams"
          columns={[{ header: 'Team' }, { header: 'Total', numeric: true }, { header: 'D01' }]}
          rows={[
            [<a href="/t/1">{'Ward <A>'}</a>, 75, classed('app-heat-3', 'fewer than <5> & "k"')],
            ['<script>alert(1)</script>', null, [' one', ' two']],
          ]}
        />
      ).toString(),
    )
    expect(markup).toContain(
      '<tr class="nhsuk-table__row"><td class="nhsuk-table__cell"><a href="/t/1">Ward &lt;A&gt;</a></td>' +
        '<td class="nhsuk-table__cell nhsuk-table__cell--numeric">75</td>' +
        '<td class="app-heat-3">fewer than &lt;5&gt; &amp; &quot;k&quot;</td></tr>',
    )
    expect(markup).toContain(
      '<td class="nhsuk-table__cell">&lt;script&gt;alert(1)&lt;/script&gt;</td>' +
        '<td class="nhsuk-table__cell nhsuk-table__cell--numeric"></td>' +
        '<td class="nhsuk-table__cell"> one two</td>',
    )
    expect(markup).not.toContain('<script>')
  })
})
