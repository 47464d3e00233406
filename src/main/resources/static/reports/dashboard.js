// Draws each measure's chart from the same rows as the table beneath it (Chart.js).
(function () {
  'use strict';
  const palette = ['#1f6feb', '#f78166', '#3fb950', '#d29922', '#a371f7', '#db61a2', '#39c5cf', '#8b949e', '#e3b341', '#56d364'];
  const measures = JSON.parse(document.getElementById('chart-data').textContent);

  function label(row, indexes) {
    return indexes.map(i => row[i] === null ? '-' : String(row[i])).join(' / ');
  }

  function datasets(measure) {
    const names = measure.columns.map(column => column.name);
    const axis = measure.chart.axis.map(name => names.indexOf(name));
    const labels = [...new Set(measure.rows.map(row => label(row, axis)))];
    if (measure.chart.seriesBy) {
      const value = names.indexOf(measure.chart.values[0]);
      const by = names.indexOf(measure.chart.seriesBy);
      const series = [...new Set(measure.rows.map(row => String(row[by])))];
      return {
        labels, stacked: true,
        datasets: series.map((name, n) => ({
          label: name, backgroundColor: palette[n % palette.length],
          data: labels.map(axisLabel => measure.rows.filter(row => label(row, axis) === axisLabel && String(row[by]) === name)
            .reduce((sum, row) => sum + Number(row[value] || 0), 0))
        }))
      };
    }
    return {
      labels, stacked: false,
      datasets: measure.chart.values.map((name, n) => {
        const index = names.indexOf(name);
        return {
          label: measure.columns[index].label, backgroundColor: palette[n % palette.length],
          data: labels.map(axisLabel => {
            const row = measure.rows.find(candidate => label(candidate, axis) === axisLabel);
            return row && row[index] !== null ? Number(row[index]) : null;
          })
        };
      })
    };
  }

  measures.forEach(measure => {
    const canvas = document.getElementById('chart-' + measure.id);
    if (!canvas || measure.rows.length === 0) {
      return;
    }
    const data = datasets(measure);
    new Chart(canvas, {
      type: 'bar',
      data: { labels: data.labels, datasets: data.datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        indexAxis: data.labels.length > 12 && !data.stacked ? 'y' : 'x',
        plugins: { legend: { position: 'bottom' } },
        scales: { x: { stacked: data.stacked }, y: { stacked: data.stacked, beginAtZero: true } }
      }
    });
    canvas.closest('.chart').dataset.drawn = 'true';
  });
}());
