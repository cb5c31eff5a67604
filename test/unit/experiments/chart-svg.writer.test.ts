// chart.svg: well-formed XML, one shaded rect per fault window, labelled, with axis titles.

import { expect } from 'chai';
import { niceCeiling, renderChart } from '../../../src/experiments/chart-svg.writer';
import { syntheticTimeline } from './synthetic-timeline';

/** Throws unless `xml` is well formed: balanced tags, quoted attributes, known entities only. */
function checkWellFormed(xml: string): void {
  const open: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->|<|&(?!(?:amp|lt|gt|quot|apos);)/g;
  for (const match of xml.matchAll(token)) {
    if (match[0] === '<' || match[0] === '&') throw new Error(`stray "${match[0]}" at ${match.index}: ${xml.slice(match.index, match.index + 40)}`);
    if (match[2] === undefined) continue;
    if (match[1] === '/') {
      const expected = open.pop();
      if (expected !== match[2]) throw new Error(`</${match[2]}> closes <${expected}>`);
    } else if (match[4] !== '/') open.push(match[2]);
  }
  if (open.length > 0) throw new Error(`unclosed: ${open.join(', ')}`);
}

describe('experiment chart (SVG)', () => {
  it('is well-formed XML with one shaded rect per fault window', () => {
    const svg = renderChart(syntheticTimeline());
    checkWellFormed(svg);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).to.equal(true);
    expect(svg.match(/<rect class="fault-window"/g)).to.have.length(2);
    expect(svg).to.contain('cut (network-partition)').and.to.contain('second (engine-latency)');
    expect(svg).to.contain('>success rate<').and.to.contain('>latency (ms)<').and.to.contain('>seconds since the start<');
    expect(svg).to.not.contain('NaN');
  });

  it('draws an empty run without breaking', () => {
    const svg = renderChart({ ...syntheticTimeline(), requests: [], faults: [], endedT: 0 });
    checkWellFormed(svg);
    expect(svg).to.not.contain('NaN');
    expect(svg).to.not.contain('class="fault-window"');
  });

  it('rounds axis tops to 1, 2 or 5 times a power of ten', () => {
    expect([0, 0.7, 3, 10, 11, 4100].map(niceCeiling)).to.deep.equal([1, 1, 5, 10, 20, 5000]);
  });
});
