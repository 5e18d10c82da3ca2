// Draws every chart whose data the server put in the page (canvas[data-chart]), on load and in
// whatever htmx swaps in. The same figures are in a table under each chart.
const colours = [
  '#005eb8',
  '#d5281b',
  '#007f3b',
  '#7c2855',
  '#ed8b00',
  '#330072',
  '#00a499',
  '#425563',
]

// Reference lines differ by pattern and weight as well as colour, so that each can be told apart
// without seeing colour: dotted, dashed and heavy, dash-dot, long dashes.
const referencePatterns = [
  { dash: [2, 3], width: 2 },
  { dash: [10, 4], width: 3 },
  { dash: [12, 4, 2, 4], width: 2 },
  { dash: [20, 6], width: 2 },
]

function draw(root) {
  if (!window.Chart) return
  for (const canvas of root.querySelectorAll('canvas[data-chart]')) {
    if (canvas.dataset.drawn) continue
    const config = JSON.parse(canvas.dataset.chart)
    canvas.dataset.drawn = 'true'
    new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: config.labels,
        datasets: config.datasets.map((set, i) => ({
          label: set.label,
          data: set.reference ? config.labels.map(() => set.value) : set.data,
          borderColor: colours[i % colours.length],
          backgroundColor: colours[i % colours.length],
          spanGaps: true,
          borderDash: set.reference ? patternOf(config.datasets, i).dash : [],
          borderWidth: set.reference ? patternOf(config.datasets, i).width : 3,
          pointRadius: set.reference ? 0 : set.marked ? set.marked.map((m) => (m ? 7 : 3)) : 3,
          pointStyle: set.marked ? set.marked.map((m) => (m ? 'rectRot' : 'circle')) : 'circle',
        })),
      },
      options: {
        animation: false,
        plugins: { legend: { labels: { boxWidth: 40 } } },
        maintainAspectRatio: false,
        scales: {
          y: {
            ...(config.yRange === null ? {} : { min: config.yRange[0], max: config.yRange[1] }),
            title: { display: true, text: config.yLabel },
          },
        },
      },
    })
  }
}

/** The pattern of the nth reference line of a chart. */
function patternOf(datasets, i) {
  const nth = datasets.slice(0, i).filter((set) => set.reference).length
  return referencePatterns[nth % referencePatterns.length]
}

draw(document)
document.addEventListener('htmx:after:settle', (event) => draw(event.target))
