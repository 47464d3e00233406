#!/usr/bin/env node
// Lays a BPMN diagram out again: writes new diagram interchange (shapes, flows, labels) and leaves every byte
// outside <bpmndi:BPMNDiagram> exactly as it was, so that the process itself cannot change.
//
//   node layout.mjs ../../bpmn/borrowing.bpmn [more.bpmn ...]
//
// ELK's layered algorithm places the flow nodes left to right with orthogonal flows, the happy path kept
// straight; boundary events sit on the lower edge of their activity, which grows until each one's label
// fits beside it. Flows that close a loop are drawn by this script, over or under the shapes in between.
// A drawing wider than MAX_ROW_WIDTH is cut where few flows cross and continues in a row below, like
// wrapped text. Labels go where they touch no shape, flow or other label. Supports one process without
// pools, lanes, sub-processes or artifacts, as bpmn/borrowing.bpmn is (lending.bpmn has a sub-process and
// is arranged by hand in Modeler).
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';
import ELK from 'elkjs/lib/elk.bundled.js';

const TASK = { width: 100, height: 80 };
const GATEWAY = { width: 50, height: 50 };
const EVENT = { width: 36, height: 36 };
const MAX_ROW_WIDTH = 4500; // a wider drawing wraps into rows

const ELK_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.spacing.nodeNode': '45',
  'elk.layered.spacing.nodeNodeBetweenLayers': '55',
  'elk.spacing.edgeNode': '25',
  'elk.spacing.edgeEdge': '18',
  'elk.layered.spacing.edgeNodeBetweenLayers': '25',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '18',
  'elk.spacing.labelNode': '6',
  'elk.spacing.labelLabel': '6',
  'elk.spacing.portPort': '10',
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.mergeEdges': 'true',
  'elk.layered.thoroughness': '30',
  'elk.separateConnectedComponents': 'false',
  'elk.padding': '[top=40,left=40,bottom=40,right=40]',
};

// ---------------------------------------------------------------------------------------------------------
// Text metrics: bpmn-js draws external labels (events, gateways, flows) in 11px Arial, wrapped at 90px,
// 1.2 line height, centred on the label bounds. Advance widths of Arial per character, in em.
const ARIAL = {
  ' ': .278, '!': .278, '"': .355, '#': .556, $: .556, '%': .889, '&': .667, "'": .191, '(': .333, ')': .333,
  '*': .389, '+': .584, ',': .278, '-': .333, '.': .278, '/': .278, ':': .278, ';': .278, '<': .584, '=': .584,
  '>': .584, '?': .556, '@': 1.015, A: .667, B: .667, C: .722, D: .722, E: .667, F: .611, G: .778, H: .722,
  I: .278, J: .5, K: .667, L: .556, M: .833, N: .722, O: .778, P: .667, Q: .778, R: .722, S: .667, T: .611,
  U: .722, V: .667, W: .944, X: .667, Y: .667, Z: .611, '[': .278, '\\': .278, ']': .278, '^': .469, _: .556,
  '`': .333, a: .556, b: .556, c: .5, d: .556, e: .556, f: .278, g: .556, h: .556, i: .222, j: .222, k: .5,
  l: .222, m: .833, n: .556, o: .556, p: .556, q: .556, r: .333, s: .5, t: .278, u: .556, v: .5, w: .722,
  x: .5, y: .5, z: .5, '{': .334, '|': .26, '}': .334, '~': .584,
};
const FONT_SIZE = 11;
const LINE_HEIGHT = FONT_SIZE * 1.2;
const LABEL_WRAP = 90;

function textWidth(text) {
  let em = 0;
  for (const c of text.trimEnd()) em += ARIAL[c] ?? .6;
  return em * FONT_SIZE;
}

// the line breaking of diagram-js (lib/util/Text.js), so that label bounds match what Modeler draws
function semanticShorten(line, maxLength) {
  const parts = line.split(/(\s|-|\u00AD)/g);
  const kept = [];
  let length = 0;
  let part;
  if (parts.length > 1) {
    while ((part = parts.shift())) {
      if (part.length + length < maxLength) {
        kept.push(part);
        length += part.length;
      } else {
        if (part === '-' || part === '\u00AD') kept.pop();
        break;
      }
    }
  }
  return kept.join('');
}

function labelSize(text) {
  const lines = text.split(/\u00AD?\r?\n/);
  const laidOut = [];
  while (lines.length) {
    const original = lines.shift();
    let fit = original;
    for (;;) {
      const width = fit ? textWidth(fit) : 0;
      if (fit === ' ' || fit === '' || width < LABEL_WRAP || fit.length < 2) break;
      const length = Math.max(fit.length * (LABEL_WRAP / width), 1);
      fit = semanticShorten(fit, length) || fit.slice(0, Math.max(Math.round(length - 1), 1));
    }
    if (fit.length < original.length) lines.unshift(original.slice(fit.length).trim());
    laidOut.push(textWidth(fit));
  }
  return { width: Math.ceil(Math.max(...laidOut)), height: Math.ceil(laidOut.length * LINE_HEIGHT) };
}

// ---------------------------------------------------------------------------------------------------------
// Geometry helpers
const GAP = 4; // what a label keeps free around itself

function overlaps(a, b, margin = 0) {
  return a.x < b.x + b.width + margin && b.x < a.x + a.width + margin
      && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;
}

function segmentBox(p, q, margin) {
  return {
    x: Math.min(p.x, q.x) - margin, y: Math.min(p.y, q.y) - margin,
    width: Math.abs(p.x - q.x) + 2 * margin, height: Math.abs(p.y - q.y) + 2 * margin,
  };
}

function simplify(points) {
  const rounded = points.map(p => ({ x: Math.round(p.x), y: Math.round(p.y) }));
  const out = [];
  for (const p of rounded) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (before && last && ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))) {
      out[out.length - 1] = p;
    } else {
      out.push(p);
    }
  }
  return out;
}

// Moves the end of an edge along its last segment onto the drawn outline (diamond, circle) of the shape.
function snapToOutline(shape, end, previous) {
  if (shape.kind === 'task') return end;
  const cx = shape.x + shape.width / 2;
  const cy = shape.y + shape.height / 2;
  const r = shape.width / 2;
  const horizontal = previous.y === end.y;
  const offset = horizontal ? Math.abs(end.y - cy) : Math.abs(end.x - cx);
  if (offset >= r) return end;
  const reach = shape.kind === 'gateway' ? r - offset : Math.sqrt(r * r - offset * offset);
  if (horizontal) return { x: previous.x < end.x ? cx - reach : cx + reach, y: end.y };
  return { x: end.x, y: previous.y < end.y ? cy - reach : cy + reach };
}

// ---------------------------------------------------------------------------------------------------------
function kindOf(element) {
  const type = element.$type;
  if (type.endsWith('Gateway')) return 'gateway';
  if (type.endsWith('Event')) return 'event';
  if (/(Task|CallActivity)$/.test(type)) return 'task';
  throw new Error(`${element.id}: ${type} is not supported by this layout`);
}


export async function layout(xml) {
  const moddle = new BpmnModdle();
  const { rootElement: definitions, warnings } = await moddle.fromXML(xml);
  if (warnings.length) throw new Error(`reading the diagram: ${warnings.map(w => w.message).join('; ')}`);
  const processes = definitions.rootElements.filter(e => e.$type === 'bpmn:Process');
  if (processes.length !== 1 || definitions.rootElements.some(e => e.$type === 'bpmn:Collaboration')) {
    throw new Error('only diagrams with exactly one process and no pools are supported');
  }
  const bpmnProcess = processes[0];
  for (const artifact of bpmnProcess.artifacts || []) {
    throw new Error(`${artifact.id}: ${artifact.$type} is not supported by this layout`);
  }
  const diagram = definitions.diagrams?.[0];
  const diIds = new Map((diagram?.plane?.planeElement || []).map(di => [di.bpmnElement?.id, di.id]));
  const elements = bpmnProcess.flowElements || [];
  const flows = elements.filter(e => e.$type === 'bpmn:SequenceFlow');
  const flowNodes = elements.filter(e => e.$type !== 'bpmn:SequenceFlow' && e.$type !== 'bpmn:BoundaryEvent');
  for (const node of flowNodes) kindOf(node);
  const attached = new Map(flowNodes.map(n => [n.id, []]));
  for (const event of elements.filter(e => e.$type === 'bpmn:BoundaryEvent')) attached.get(event.attachedToRef.id).push(event);
  const hostOf = element => element.attachedToRef ? element.attachedToRef.id : element.id;

  // the happy path: from the first start event to the end event farthest from it, by the fewest steps
  const mainPath = findMainPath(flowNodes, flows);
  // flows that close a loop: ELK sees them turned round, this script draws them itself
  const backEdges = findBackEdges(flowNodes, flows, mainPath);
  const nodeById = new Map(flowNodes.map(n => [n.id, n]));
  const context = { flows, nodeById, attached, hostOf, mainPath, backEdges };

  // one row first; while the last row is too wide, cut it in two and lay out both parts again, trying the
  // likeliest cuts and keeping the one that draws with the fewest crossing flows
  let rows = [{ nodes: new Set(flowNodes.map(n => n.id)), entries: [], exits: [] }];
  rows[0].drawing = await layoutRow(rows[0], context);
  while (rows.length < 4 && rows[rows.length - 1].drawing.width > MAX_ROW_WIDTH) {
    const last = rows[rows.length - 1];
    let best = null;
    for (const cut of chooseCuts(last, context).slice(0, 6)) {
      const stay = { nodes: new Set([...last.nodes].filter(id => !cut.moving.has(id))), entries: last.entries, exits: cut.flows };
      const next = { nodes: cut.moving, entries: cut.flows, exits: [] };
      stay.drawing = await layoutRow(stay, context);
      next.drawing = await layoutRow(next, context);
      const trial = [...rows.slice(0, -1), stay, next];
      const { edges } = draw(trial, context);
      const widest = Math.max(...trial.map(r => r.drawing.width));
      const score = 300 * countCrossings(edges) + widest + 10 * Math.max(0, widest - MAX_ROW_WIDTH) + 400 * cut.flows.length;
      if (!best || score < best.score) best = { trial, score };
    }
    if (!best) break;
    rows = best.trial;
  }

  const { shapes, edges } = draw(rows, context);
  straightenEnds(shapes, edges);
  straightenSteps(shapes, edges);
  const externalLabel = element => !!element.name && kindOf(element) !== 'task';
  const labels = placeLabels(shapes, edges, externalLabel);
  return writeDi(xml, { bpmnProcess, diagram, diIds, shapes, edges, labels });
}

// The rows (copies of them), each with its loops drawn in, one under the other.
function draw(rows, { flows, backEdges }) {
  const copies = rows.map(r => ({ ...r, drawing: copyDrawing(r.drawing) }));
  for (const { drawing: { shapes, edges, nodeLabels, elkBack } } of copies) {
    for (const flow of flows) {
      if (!backEdges.has(flow.id) || !shapes.has(flow.sourceRef.id)) continue;
      const source = shapes.get(flow.sourceRef.id);
      const target = shapes.get(flow.targetRef.id);
      let points = routeBack(source, target, shapes, edges, nodeLabels);
      if (!points) {
        // ELK's way, turned round
        points = elkBack.get(flow.id);
        points[0] = snapToOutline(source, points[0], points[1]);
        points[points.length - 1] = snapToOutline(target, points[points.length - 1], points[points.length - 2]);
      }
      edges.set(flow.id, { id: flow.id, flow, points });
    }
  }
  const { shapes, edges } = stackRows(copies);
  return { shapes, edges };
}

function copyDrawing(d) {
  const shapes = new Map([...d.shapes].map(([id, s]) => [id, { ...s, suggested: s.suggested && { ...s.suggested } }]));
  for (const shape of shapes.values()) if (shape.host) shape.host = shapes.get(shape.host.id);
  const edges = new Map([...d.edges].map(([id, e]) => [id, { ...e, points: e.points.map(p => ({ ...p })),
    suggested: e.suggested && { ...e.suggested } }]));
  return { ...d, shapes, edges, nodeLabels: d.nodeLabels.map(l => ({ ...l })),
    elkBack: new Map([...d.elkBack].map(([id, p]) => [id, p.map(q => ({ ...q }))])) };
}

function countCrossings(edges) {
  const segments = [...edges.values()].flatMap(e => e.points.slice(1).map((q, i) => [e.points[i], q, e]));
  let count = 0;
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      if (segments[i][2] !== segments[j][2] && crosses(segments[i][0], segments[i][1], segments[j][0], segments[j][1])) count++;
    }
  }
  return count;
}

// One row by ELK: its flow nodes, the flows between them, and for each flow that comes from the row above
// (or goes on to the row below) a point at the left (right) end of the row where it enters (leaves).
async function layoutRow(row, { flows, nodeById, attached, hostOf, mainPath, backEdges }) {
  const shapes = new Map();
  const children = [];
  for (const id of row.nodes) children.push(elkNode(nodeById.get(id), attached.get(id), shapes));
  for (const flow of row.entries) {
    children.push({ id: `entry:${flow.id}`, width: 1, height: 1, layoutOptions: { 'elk.layered.layering.layerConstraint': 'FIRST' } });
  }
  for (const flow of row.exits) {
    children.push({ id: `exit:${flow.id}`, width: 1, height: 1, layoutOptions: { 'elk.layered.layering.layerConstraint': 'LAST' } });
  }
  const inRow = flow => row.nodes.has(hostOf(flow.sourceRef)) && row.nodes.has(hostOf(flow.targetRef));
  const edges = [];
  for (const flow of flows) {
    let sources = [flow.sourceRef.id];
    let targets = [flow.targetRef.id];
    if (row.entries.includes(flow)) sources = [`entry:${flow.id}`];
    else if (row.exits.includes(flow)) targets = [`exit:${flow.id}`];
    else if (!inRow(flow)) continue;
    const edge = { id: flow.id, sources, targets, layoutOptions: {} };
    if (backEdges.has(flow.id)) {
      [edge.sources, edge.targets] = [edge.targets, edge.sources];
    } else if (flow.name) {
      edge.labels = [{ id: `${flow.id}_label`, text: flow.name, ...labelSize(flow.name),
        layoutOptions: { 'elk.edgeLabels.placement': 'TAIL' } }];
    }
    if (mainPath.has(flow.id)) {
      edge.layoutOptions['elk.layered.priority.straightness'] = '20';
      edge.layoutOptions['elk.layered.priority.direction'] = '20';
    }
    edges.push(edge);
  }
  const result = await new ELK().layout({ id: 'root', layoutOptions: ELK_OPTIONS, children, edges });

  const drawing = { shapes, edges: new Map(), nodeLabels: [], elkBack: new Map() };
  for (const child of result.children) {
    if (child.id.includes(':')) continue;
    const shape = shapes.get(child.id);
    Object.assign(shape, { x: Math.round(child.x), y: Math.round(child.y), width: Math.round(child.width), height: Math.round(child.height) });
    for (const label of child.labels || []) {
      drawing.nodeLabels.push({ x: shape.x + label.x, y: shape.y + label.y, width: label.width, height: label.height });
    }
    for (const port of child.ports || []) {
      const event = attached.get(child.id).find(e => e.id === port.id);
      const label = port.labels?.[0];
      shapes.set(port.id, {
        id: port.id, kind: 'event', element: event, host: shape, width: EVENT.width, height: EVENT.height,
        x: shape.x + Math.round(port.x), y: shape.y + shape.height - EVENT.height / 2,
        suggested: label && { x: shape.x + port.x + label.x, y: shape.y + port.y + label.y, width: label.width, height: label.height },
      });
    }
  }
  for (const edge of result.edges) {
    const flow = flows.find(f => f.id === edge.id);
    const section = edge.sections[0];
    let points = simplify([section.startPoint, ...(section.bendPoints || []), section.endPoint]);
    if (backEdges.has(edge.id)) {
      drawing.elkBack.set(edge.id, points.reverse());
      continue;
    }
    const source = shapes.get(flow.sourceRef.id);
    const target = shapes.get(flow.targetRef.id);
    if (source?.host) {
      // leave the boundary event from the middle of its lower half
      const cx = source.x + source.width / 2;
      if (points[0].x !== cx && points.length > 1 && points[1].x === points[0].x) {
        points[0] = { x: cx, y: points[0].y };
        points[1] = { x: cx, y: points[1].y };
      }
      points[0] = { x: points[0].x, y: source.y + source.height };
    }
    if (source && points.length >= 2) points[0] = snapToOutline(source, points[0], points[1]);
    if (target && points.length >= 2) points[points.length - 1] = snapToOutline(target, points[points.length - 1], points[points.length - 2]);
    const elkLabel = edge.labels?.[0];
    drawing.edges.set(edge.id, { id: edge.id, flow, points: simplify(points),
      suggested: elkLabel && { x: elkLabel.x, y: elkLabel.y, width: elkLabel.width, height: elkLabel.height } });
  }
  const all = [...shapes.values()];
  drawing.width = Math.max(...all.map(s => s.x + s.width)) - Math.min(...all.map(s => s.x));
  return drawing;
}

function elkNode(node, boundary, shapes) {
  const kind = kindOf(node);
  const size = kind === 'task' ? TASK : kind === 'gateway' ? GATEWAY : EVENT;
  shapes.set(node.id, { id: node.id, kind, element: node, hasBoundaryEvents: boundary.length > 0, ...size });
  const child = { id: node.id, ...size, labels: [], ports: [], layoutOptions: {} };
  if (node.name && kind !== 'task') {
    child.labels.push({ text: node.name, ...labelSize(node.name) });
    child.layoutOptions['elk.nodeLabels.placement'] = '[OUTSIDE, V_BOTTOM, H_CENTER]';
  }
  if (boundary.length) {
    child.layoutOptions['elk.portConstraints'] = 'FIXED_SIDE';
    for (const event of boundary) {
      child.ports.push({
        id: event.id, width: EVENT.width, height: EVENT.height,
        layoutOptions: { 'elk.port.side': 'SOUTH', 'elk.port.borderOffset': String(-EVENT.height / 2) },
        labels: event.name ? [{ text: event.name, ...labelSize(event.name) }] : [],
      });
    }
    // the activity grows along its lower edge until every boundary event has room for its label
    Object.assign(child.layoutOptions, {
      'elk.nodeSize.constraints': '[PORTS, PORT_LABELS, MINIMUM_SIZE]',
      'elk.nodeSize.minimum': `(${TASK.width}, ${TASK.height})`,
      'elk.portLabels.placement': '[OUTSIDE, NEXT_TO_PORT_IF_POSSIBLE]',
    });
  }
  return child;
}

// Where a row that is too wide may be cut, best first: before one of ELK's layers, near enough to the
// middle. What hangs together with where the crossing flows arrive goes to the next row; a branch that only
// hangs off the part that stays (a short way to an end) stays with it. No flow may lead back up.
function chooseCuts(row, { flows, hostOf, mainPath }) {
  const all = [...row.drawing.shapes.values()].filter(s => !s.host);
  const minX = Math.min(...all.map(s => s.x));
  const inRow = flows.filter(f => row.nodes.has(hostOf(f.sourceRef)) && row.nodes.has(hostOf(f.targetRef)));
  const links = inRow.map(f => [hostOf(f.sourceRef), hostOf(f.targetRef), f]);
  const entered = new Set(row.entries.map(f => hostOf(f.targetRef)));
  const options = new Map();
  for (const x of [...new Set(all.map(s => s.x))].sort((a, b) => a - b).slice(1)) {
    const right = new Set(all.filter(s => s.x >= x).map(s => s.id));
    const crossing = links.filter(([from, to]) => !right.has(from) && right.has(to)).map(([, , f]) => f);
    const main = crossing.filter(f => mainPath.has(f.id));
    for (const anchors of [main, crossing]) {
      const moving = new Set(anchors.map(f => hostOf(f.targetRef)));
      for (let grown = true; grown;) {
        grown = false;
        for (const [from, to] of links) {
          if (right.has(from) && right.has(to) && moving.has(from) !== moving.has(to)) {
            moving.add(from);
            moving.add(to);
            grown = true;
          }
        }
      }
      // a start of its own (a link's catch event) that only leads into what moves, moves with it
      for (const node of all) {
        const out = links.filter(([from]) => from === node.id);
        if (!links.some(([, to]) => to === node.id) && !entered.has(node.id) && out.length && out.every(([, to]) => moving.has(to))) {
          moving.add(node.id);
        }
      }
      if (!moving.size || moving.size === all.length || [...moving].some(id => entered.has(id))) continue;
      if (links.some(([from, to]) => moving.has(from) && !moving.has(to))) continue;
      const cutFlows = links.filter(([from, to]) => !moving.has(from) && moving.has(to)).map(([, , f]) => f);
      const staying = all.filter(s => !moving.has(s.id));
      const moved = all.filter(s => moving.has(s.id));
      const stayWidth = Math.max(...staying.map(s => s.x + s.width)) - minX;
      const moveWidth = Math.max(...moved.map(s => s.x + s.width)) - Math.min(...moved.map(s => s.x));
      const score = Math.max(stayWidth, moveWidth) + 400 * cutFlows.length;
      const key = [...moving].sort().join();
      if (!options.has(key) || score < options.get(key).score) options.set(key, { moving, flows: cutFlows, score });
    }
  }
  return [...options.values()].sort((a, b) => a.score - b.score);
}

// The rows one under the other, left aligned; between two rows, the flows from one to the next leave the
// upper row on the right, run back along the gap and enter the lower row from the left.
function stackRows(rows) {
  const shapes = new Map();
  const edges = new Map();
  const nodeLabels = [];
  const elkBack = new Map();
  let top = 0;
  let previous = null;
  for (const row of rows) {
    const d = row.drawing;
    const boxes = [...d.shapes.values(), ...[...d.shapes.values()].map(s => s.suggested).filter(Boolean), ...d.nodeLabels];
    const points = [...d.edges.values()].flatMap(e => e.points).concat([...d.elkBack.values()].flat());
    const rowTop = Math.min(...boxes.map(b => b.y), ...points.map(p => p.y));
    const rowBottom = Math.max(...boxes.map(b => b.y + b.height), ...points.map(p => p.y));
    const n = row.entries.length;
    const gap = n ? 40 + 12 * n : 0;
    const dx = 20 - Math.min(...boxes.map(b => b.x), ...points.map(p => p.x));
    const dy = top + gap - rowTop;
    const move = p => ({ ...p, x: p.x + dx, y: p.y + dy });
    for (const shape of d.shapes.values()) {
      Object.assign(shape, move(shape));
      if (shape.suggested) shape.suggested = move(shape.suggested);
      shapes.set(shape.id, shape);
    }
    for (const label of d.nodeLabels) nodeLabels.push(move(label));
    for (const [id, p] of d.elkBack) elkBack.set(id, p.map(move));
    for (const edge of d.edges.values()) {
      edge.points = edge.points.map(move);
      if (edge.suggested) edge.suggested = move(edge.suggested);
      if (row.entries.includes(edge.flow)) {
        // joined below to its part in the row above
        edges.get(edge.id).lower = edge;
      } else {
        edges.set(edge.id, edge);
      }
    }
    if (previous) {
      // the flows between the rows, the one that leaves lowest first; each enters the lower row where ELK
      // turned it from the row's left end towards its target
      const entering = row.entries.map(f => edges.get(f.id));
      const upperRight = Math.max(...[...previous.shapes.values()].map(s => s.x + s.width),
          ...entering.map(e => e.points[e.points.length - 1].x));
      entering.sort((a, b) => b.points[b.points.length - 1].y - a.points[a.points.length - 1].y);
      // into the lower row: the flow to the highest target comes down farthest right
      const turns = lower => lower.length >= 3 && lower[1].y === lower[0].y && lower[1].x === lower[2].x;
      const level = edge => edge.lower.points[turns(edge.lower.points) ? 2 : 0].y;
      const firstBend = Math.min(...entering.map(e => e.lower.points[turns(e.lower.points) ? 1 : 0].x + (turns(e.lower.points) ? 0 : 10)));
      const byLevel = [...entering].sort((a, b) => level(a) - level(b));
      entering.forEach((edge, k) => {
        const upper = edge.points;
        const lower = edge.lower.points;
        const end = upper[upper.length - 1];
        const down = upperRight + 20 + 12 * k;
        const track = top + 20 + 12 * k;
        const enter = firstBend - 12 * byLevel.indexOf(edge);
        edge.points = simplify([...upper.slice(0, -1), { x: down, y: end.y }, { x: down, y: track },
          { x: enter, y: track }, { x: enter, y: level(edge) }, ...lower.slice(turns(lower) ? 2 : 1)]);
        edge.suggested = null;
      });
      for (const edge of entering) delete edge.lower;
    }
    top += gap + rowBottom - rowTop;
    previous = d;
  }
  return { shapes, edges, nodeLabels, elkBack };
}

// Depth first from the start events: a flow to a node still on the stack closes a loop. The happy path is
// followed first and flows from boundary events last, so that the loops are where a reader expects them.
function findBackEdges(flowNodes, flows, mainPath) {
  const hostOf = node => node.attachedToRef ? node.attachedToRef.id : node.id;
  const outgoing = new Map();
  const rank = flow => mainPath.has(flow.id) ? 0 : flow.sourceRef.attachedToRef ? 2 : 1;
  for (const flow of flows) {
    const from = hostOf(flow.sourceRef);
    if (!outgoing.has(from)) outgoing.set(from, []);
    outgoing.get(from).push(flow);
  }
  for (const list of outgoing.values()) list.sort((a, b) => rank(a) - rank(b));
  const hasIncoming = new Set(flows.map(f => f.targetRef.id));
  const roots = [...flowNodes.filter(n => n.$type === 'bpmn:StartEvent'), ...flowNodes.filter(n => !hasIncoming.has(n.id)),
    ...flowNodes];
  const state = new Map();
  const back = new Set();
  for (const root of roots) {
    if (state.has(root.id)) continue;
    const stack = [[root.id, 0]];
    state.set(root.id, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1];
      const list = outgoing.get(top[0]) || [];
      if (top[1] >= list.length) {
        state.set(top[0], 'done');
        stack.pop();
        continue;
      }
      const flow = list[top[1]++];
      const next = flow.targetRef.id;
      if (state.get(next) === 'open') back.add(flow.id);
      else if (!state.has(next)) {
        state.set(next, 'open');
        stack.push([next, 0]);
      }
    }
  }
  return back;
}

// A loop back: up (or down) from the source to a free horizontal channel, along it, and down (or up) into
// the target; out of the side of either where the way straight up or down is blocked.
function routeBack(source, target, shapes, edges, nodeLabels) {
  const boxes = [...shapes.values()];
  const segments = [];
  for (const edge of edges.values()) {
    for (let i = 1; i < edge.points.length; i++) segments.push([edge.points[i - 1], edge.points[i]]);
  }
  const cx = s => s.x + s.width / 2;
  const cy = s => s.y + s.height / 2;
  const clear = (p, q, except) => {
    const box = segmentBox(p, q, 0);
    if (boxes.some(s => !except.includes(s) && overlaps(box, s, 8))) return false;
    if (nodeLabels.some(l => overlaps(box, l, 3))) return false;
    // never along another flow
    return !segments.some(([a, b]) => {
      if (p.y === q.y && a.y === b.y && Math.abs(a.y - p.y) < 8) return overlaps(box, segmentBox(a, b, 0), 0);
      if (p.x === q.x && a.x === b.x && Math.abs(a.x - p.x) < 8) return overlaps(box, segmentBox(a, b, 0), 0);
      return false;
    });
  };
  const crossings = (p, q) => segments.filter(([a, b]) => crosses(a, b, p, q)).length;

  const candidates = [];
  for (const up of [true, false]) {
    const exits = [];
    const entries = [];
    if (source.host) {
      // a boundary event can only go down
      if (!up) exits.push([{ x: cx(source), y: source.y + source.height }]);
    } else {
      if (up || !source.hasBoundaryEvents) exits.push([{ x: cx(source), y: up ? source.y : source.y + source.height }]);
      for (const dx of [15, 25, 35]) {
        exits.push([{ x: source.x + source.width, y: cy(source) }, { x: source.x + source.width + dx, y: cy(source) }]);
      }
    }
    if (up || !target.hasBoundaryEvents) entries.push([{ x: cx(target), y: up ? target.y : target.y + target.height }]);
    for (const dx of [15, 25, 35]) entries.push([{ x: target.x - dx, y: cy(target) }, { x: target.x, y: cy(target) }]);
    for (const exit of exits) {
      for (const entry of entries) {
        const from = exit[exit.length - 1];
        const to = entry[0];
        let y = up ? Math.min(from.y, to.y, source.y, target.y) - 20 : Math.max(from.y, to.y, source.y + source.height, target.y + target.height) + 20;
        for (let tries = 0; tries < 150; tries++, y += up ? -8 : 8) {
          const route = [...exit, { x: from.x, y }, { x: to.x, y }, ...entry];
          let ok = true;
          let crossed = 0;
          const own = [source, target, source.host];
          for (let i = 1; i < route.length && ok; i++) {
            ok = clear(route[i - 1], route[i], own);
            crossed += crossings(route[i - 1], route[i]);
          }
          if (!ok) continue;
          const length = route.slice(1).reduce((sum, p, i) => sum + Math.abs(p.x - route[i].x) + Math.abs(p.y - route[i].y), 0);
          candidates.push({ route, score: length + 150 * crossed });
          break;
        }
      }
    }
  }
  if (!candidates.length) return null;
  candidates.sort((a, b) => a.score - b.score);
  return simplify(candidates[0].route);
}

function findMainPath(flowNodes, flows) {
  const outgoing = new Map();
  for (const flow of flows) {
    if (flow.sourceRef.$type === 'bpmn:BoundaryEvent') continue;
    if (!outgoing.has(flow.sourceRef.id)) outgoing.set(flow.sourceRef.id, []);
    outgoing.get(flow.sourceRef.id).push(flow);
  }
  const start = flowNodes.find(n => n.$type === 'bpmn:StartEvent');
  if (!start) return new Set();
  const via = new Map([[start.id, null]]);
  const queue = [start.id];
  let farthestEnd = null;
  while (queue.length) {
    const id = queue.shift();
    if (flowNodes.find(n => n.id === id)?.$type === 'bpmn:EndEvent') farthestEnd = id;
    for (const flow of outgoing.get(id) || []) {
      if (via.has(flow.targetRef.id)) continue;
      via.set(flow.targetRef.id, flow);
      queue.push(flow.targetRef.id);
    }
  }
  const path = new Set();
  for (let flow = via.get(farthestEnd); flow; flow = via.get(flow.sourceRef.id)) path.add(flow.id);
  return path;
}

// whether two axis-parallel segments cross (not merely touch)
function crosses(a, b, c, d) {
  const [h, v] = a.y === b.y && c.x === d.x ? [[a, b], [c, d]] : a.x === b.x && c.y === d.y ? [[c, d], [a, b]] : [null, null];
  if (!h) return false;
  const x = v[0].x;
  const y = h[0].y;
  return x > Math.min(h[0].x, h[1].x) && x < Math.max(h[0].x, h[1].x) && y > Math.min(v[0].y, v[1].y) && y < Math.max(v[0].y, v[1].y);
}

// An end (or a start) that ELK left a few pixels off the line of its only flow moves onto that line.
function straightenEnds(shapes, edges) {
  const all = [...edges.values()];
  for (const shape of shapes.values()) {
    if (shape.host || shape.hasBoundaryEvents) continue;
    const incoming = all.filter(e => e.flow.targetRef.id === shape.id);
    const outgoing = all.filter(e => e.flow.sourceRef.id === shape.id);
    let edge;
    let points;
    if (incoming.length === 1 && outgoing.length === 0) {
      edge = incoming[0];
      points = [...edge.points].reverse();
    } else if (outgoing.length === 1 && incoming.length === 0) {
      edge = outgoing[0];
      points = [...edge.points];
    } else continue;
    // points run from this shape: along, a small step, along again
    if (points.length < 4) continue;
    const [end, c, b, a] = points;
    if (end.y !== c.y || c.x !== b.x || b.y !== a.y) continue;
    const dy = b.y - c.y;
    if (dy === 0 || Math.abs(dy) > 80) continue;
    const moved = { x: shape.x, y: shape.y + dy, width: shape.width, height: shape.height };
    const others = [...shapes.values()].filter(s => s !== shape);
    const segments = all.filter(e => e !== edge).flatMap(e => e.points.slice(1).map((q, i) => segmentBox(e.points[i], q, 0)));
    if (others.some(s => overlaps(moved, s, 10)) || segments.some(box => overlaps(moved, box, 6))) continue;
    shape.y += dy;
    const straight = [{ x: end.x, y: b.y }, ...points.slice(3)];
    edge.points = simplify(incoming.length ? straight.reverse() : straight);
  }
}

// A flow with a small step in it, between shapes of which one is an activity: the activity's side is long
// enough to let the flow leave (or arrive) level with the other end.
function straightenSteps(shapes, edges) {
  for (const edge of edges.values()) {
    if (edge.points.length !== 4) continue;
    const [a, b, c, d] = edge.points;
    if (a.y !== b.y || b.x !== c.x || c.y !== d.y || Math.abs(a.y - d.y) > 20) continue;
    const source = shapes.get(edge.flow.sourceRef.id);
    const target = shapes.get(edge.flow.targetRef.id);
    const level = (shape, y) => shape.kind === 'task' && y >= shape.y + 10 && y <= shape.y + shape.height - 10;
    if (!source.host && level(source, d.y)) edge.points = [{ x: a.x, y: d.y }, d];
    else if (level(target, a.y)) edge.points = [a, { x: d.x, y: a.y }];
  }
}

// places beside a flow, from its start on: above or below a horizontal part, right or left of a vertical one
// only: 'horizontal' parts, or 'vertical' ones from their lower (or upper) end, where the flow turns off
function besideEdge(points, width, height, shared = [], only = null) {
  const candidates = [];
  for (let i = 1; i < points.length; i++) {
    let p = points[i - 1];
    let q = points[i];
    if (only === 'horizontal' && p.y !== q.y) continue;
    if (only === 'vertical') {
      // from the end of the part backwards, so that the label sits where the flow turns off
      if (p.x !== q.x) continue;
      [p, q] = [q, p];
    }
    const length = Math.abs(q.x - p.x) + Math.abs(q.y - p.y);
    for (let along = 6; along < Math.max(length - 6, 7); along += 6) {
      // not where the flow still runs together with another one from the same source
      const at = { x: p.x + Math.sign(q.x - p.x) * along, y: p.y + Math.sign(q.y - p.y) * along };
      if (shared.some(([a, b]) => overlaps(segmentBox(a, b, 0), { x: at.x, y: at.y, width: 0, height: 0 }, 1))) continue;
      if (p.y === q.y) {
        const x = q.x > p.x ? p.x + along : p.x - along - width;
        candidates.push({ x, y: p.y - 3 - height, width, height }, { x, y: p.y + 3, width, height });
      } else {
        const y = q.y > p.y ? p.y + along : p.y - along - height;
        candidates.push({ x: p.x + 5, y, width, height }, { x: p.x - 5 - width, y, width, height });
      }
    }
  }
  return candidates;
}

// ---------------------------------------------------------------------------------------------------------
// Labels: try the usual places first, take the first one that touches nothing else.
function placeLabels(shapes, edges, externalLabel) {
  const obstacles = [];
  for (const shape of shapes.values()) obstacles.push({ x: shape.x, y: shape.y, width: shape.width, height: shape.height });
  const segments = [];
  for (const edge of edges.values()) {
    for (let i = 1; i < edge.points.length; i++) {
      segments.push({ owner: edge.id, ...segmentBox(edge.points[i - 1], edge.points[i], 0) });
    }
  }
  const placed = [];
  const free = (box, owner, gap = GAP) => !obstacles.some(o => overlaps(box, o, gap))
      && !segments.some(s => overlaps(box, s, s.owner === owner ? Math.min(gap, 1) : gap))
      && !placed.some(l => overlaps(box, l, gap));
  const labels = new Map();
  const choose = (id, candidates) => {
    // roomy if possible, else tight, else where it is least in the way
    const box = candidates.find(c => free(c, id)) || candidates.find(c => free(c, id, 0.5)) || candidates[0];
    if (!free(box, id, 0.5)) console.warn(`  no free place for the label of ${id}`);
    placed.push(box);
    labels.set(id, box);
  };

  const ordered = [...shapes.values()].filter(s => externalLabel(s.element));
  ordered.sort((a, b) => (a.host ? 1 : 0) - (b.host ? 1 : 0));
  for (const shape of ordered) {
    const { width, height } = labelSize(shape.element.name);
    const cx = shape.x + shape.width / 2;
    const below = { x: cx - width / 2, y: shape.y + shape.height + GAP, width, height };
    const above = { x: cx - width / 2, y: shape.y - GAP - height, width, height };
    const candidates = [];
    if (shape.host) {
      // beside the flow that leaves the boundary event downwards, as far down as it goes
      const down = [...edges.values()].find(e => e.flow.sourceRef.id === shape.id && e.points[1]?.x === e.points[0].x
          && e.points[1].y > e.points[0].y);
      if (down) {
        const bottom = down.points[1].y;
        for (let y = shape.y + shape.height + 2; y < bottom - height - 6 || y === shape.y + shape.height + 2; y += 4) {
          candidates.push({ x: cx + 6, y, width, height });
        }
        for (let y = shape.y + shape.height + 2; y < bottom - height - 6 || y === shape.y + shape.height + 2; y += 4) {
          candidates.push({ x: cx - 6 - width, y, width, height });
        }
      }
      candidates.push(below);
      if (down) candidates.push(...besideEdge(down.points, width, height));
      if (shape.suggested) candidates.unshift(shape.suggested);
    } else {
      candidates.push(below, above,
          { x: shape.x + shape.width + GAP, y: shape.y + shape.height, width, height },
          { x: shape.x - GAP - width, y: shape.y + shape.height, width, height },
          { x: shape.x + shape.width + GAP, y: shape.y - height, width, height },
          { x: shape.x - GAP - width, y: shape.y - height, width, height });
      for (let d = 6; d < 60; d += 6) candidates.push({ ...below, y: below.y + d }, { ...above, y: above.y - d });
    }
    choose(shape.id, candidates);
  }

  for (const edge of edges.values()) {
    const name = edge.flow.name;
    if (!name) continue;
    const { width, height } = labelSize(name);
    const siblings = [...edges.values()].filter(e => e !== edge && e.flow.sourceRef === edge.flow.sourceRef);
    const shared = siblings.flatMap(e => e.points.slice(1).map((q, i) => [e.points[i], q]));
    // a flow that leaves a gateway together with others: where it turns away from them
    const candidates = siblings.length
      ? [...besideEdge(edge.points, width, height, shared, 'horizontal'), ...besideEdge(edge.points, width, height, shared, 'vertical'),
        ...besideEdge(edge.points, width, height)]
      : [edge.suggested, ...besideEdge(edge.points, width, height)].filter(Boolean);
    choose(edge.id, candidates);
  }
  return labels;
}

// ---------------------------------------------------------------------------------------------------------
function writeDi(xml, { bpmnProcess, diagram, diIds, shapes, edges, labels }) {
  const start = xml.indexOf('<bpmndi:BPMNDiagram');
  const end = xml.indexOf('</bpmndi:BPMNDiagram>');
  if (start < 0 || end < 0 || xml.indexOf('<bpmndi:BPMNDiagram', start + 1) >= 0) {
    throw new Error('the file must hold exactly one <bpmndi:BPMNDiagram>');
  }
  const lineStart = xml.lastIndexOf('\n', start) + 1;
  const indent = xml.slice(lineStart, start);
  const pad = n => indent + '  '.repeat(n);
  const minX = Math.min(...[...shapes.values()].map(s => s.x));
  const minY = Math.min(...[...shapes.values()].map(s => s.y), ...[...labels.values()].map(l => l.y));
  // keep the drawing near the origin, where Modeler opens
  const dx = Math.round(150 - minX);
  const dy = Math.round(80 - minY);
  const bounds = b => `<dc:Bounds x="${Math.round(b.x + dx)}" y="${Math.round(b.y + dy)}" width="${Math.round(b.width)}" height="${Math.round(b.height)}" />`;
  const label = (id, depth) => labels.has(id)
    ? [`${pad(depth)}<bpmndi:BPMNLabel>`, `${pad(depth + 1)}${bounds(labels.get(id))}`, `${pad(depth)}</bpmndi:BPMNLabel>`]
    : [];
  const lines = [];
  lines.push(`<bpmndi:BPMNDiagram id="${diagram?.id || 'BPMNDiagram_' + bpmnProcess.id}">`);
  lines.push(`${pad(1)}<bpmndi:BPMNPlane id="${diagram?.plane?.id || 'BPMNPlane_' + bpmnProcess.id}" bpmnElement="${bpmnProcess.id}">`);
  for (const element of bpmnProcess.flowElements) {
    const shape = shapes.get(element.id);
    if (!shape) continue;
    const marker = element.$type === 'bpmn:ExclusiveGateway' ? ' isMarkerVisible="true"' : '';
    lines.push(`${pad(2)}<bpmndi:BPMNShape id="${diIds.get(element.id) || element.id + '_di'}" bpmnElement="${element.id}"${marker}>`);
    lines.push(`${pad(3)}${bounds(shape)}`);
    lines.push(...label(element.id, 3));
    lines.push(`${pad(2)}</bpmndi:BPMNShape>`);
  }
  for (const element of bpmnProcess.flowElements) {
    const edge = edges.get(element.id);
    if (!edge) continue;
    lines.push(`${pad(2)}<bpmndi:BPMNEdge id="${diIds.get(element.id) || element.id + '_di'}" bpmnElement="${element.id}">`);
    for (const p of edge.points) lines.push(`${pad(3)}<di:waypoint x="${p.x + dx}" y="${p.y + dy}" />`);
    lines.push(...label(element.id, 3));
    lines.push(`${pad(2)}</bpmndi:BPMNEdge>`);
  }
  lines.push(`${pad(1)}</bpmndi:BPMNPlane>`);
  lines.push(`${indent}</bpmndi:BPMNDiagram>`);
  return xml.slice(0, start) + lines.join('\n') + xml.slice(end + '</bpmndi:BPMNDiagram>'.length);
}

// everything but the diagram interchange, to prove that a new layout leaves the process alone
export function withoutDi(xml) {
  return xml.replace(/[ \t]*<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = process.argv.slice(2);
  if (!files.length) {
    console.error('usage: node layout.mjs <file.bpmn> ...');
    process.exit(2);
  }
  for (const file of files) {
    const before = fs.readFileSync(file, 'utf8');
    const after = await layout(before);
    if (withoutDi(after) !== withoutDi(before)) throw new Error(`${file}: the process part would change`);
    fs.writeFileSync(file, after);
    console.log(`${file}: laid out`);
  }
}
