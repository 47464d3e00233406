// Draws the process diagram (bpmn-js navigated viewer: drag to move, wheel or pinch to zoom) with, on every activity, how many instances wait there and their median wait.
(function () {
  'use strict';
  const container = document.getElementById('diagram');
  if (!container) {
    return;
  }
  const xml = JSON.parse(document.getElementById('diagram-xml').textContent);
  const openWork = JSON.parse(document.getElementById('open-work-data').textContent);
  const viewer = new BpmnJS({ container: container });

  function hours(value) {
    if (value === null) {
      return '';
    }
    return value >= 48 ? (value / 24).toFixed(1) + ' d' : Number(value).toFixed(1) + ' h';
  }

  viewer.importXML(xml).then(() => {
    viewer.get('canvas').zoom('fit-viewport', 'auto');
    const registry = viewer.get('elementRegistry');
    const overlays = viewer.get('overlays');
    openWork.forEach(activity => {
      const element = registry.get(activity.activityId);
      if (!element) {
        return;
      }
      viewer.get('canvas').addMarker(element.id, 'has-open-work');
      // scale: false keeps the figures readable however far the diagram is zoomed out
      overlays.add(element, 'open-work', {
        position: { top: -12, right: 12 }, scale: false,
        html: '<span class="open-count" title="Waiting here now">' + activity.open + '</span>'
      });
      overlays.add(element, 'open-work', {
        position: { bottom: 4, left: 0 }, scale: false,
        html: '<span class="open-wait" title="Median wait">median ' + hours(activity.medianHours) + '</span>'
      });
    });
    container.dataset.drawn = String(openWork.filter(activity => registry.get(activity.activityId)).length);
  }).catch(error => {
    container.textContent = 'The diagram could not be drawn: ' + error.message;
  });
}());
