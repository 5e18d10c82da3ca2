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
          ...set,
          borderColor: colours[i % colours.length],
          backgroundColor: colours[i % colours.length],
          spanGaps: false,
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { min: 0, max: 100, title: { display: true, text: config.yLabel } } },
      },
    })
  }
}

draw(document)
document.addEventListener('htmx:after:settle', (event) => draw(event.target))
