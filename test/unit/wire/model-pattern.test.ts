import { expect } from 'chai';
import { cloudHsmV2Model, ec2Model, kmsModel } from '../../../src/wire/aws-models';
import { modelPattern, translateJavaPattern } from '../../../src/wire/model-pattern';
import type { Shape } from '../../../src/wire/service-model';

function patternsOf(...shapes: Shape[]): string[] {
  const seen = new Set<Shape>();
  const patterns: string[] = [];
  const visit = (shape: Shape): void => {
    if (seen.has(shape)) return;
    seen.add(shape);
    if (shape.type === 'string' && shape.pattern !== undefined) patterns.push(shape.pattern);
    if (shape.type === 'structure') for (const member of shape.members.values()) visit(member.shape);
    if (shape.type === 'list') visit(shape.member.shape);
    if (shape.type === 'map') [shape.key.shape, shape.value.shape].forEach(visit);
  };
  shapes.forEach(visit);
  return patterns;
}

describe('model patterns (Java regular expressions)', () => {
  it('compiles every pattern of the served models', () => {
    const warnings: string[] = [];
    const patterns = [cloudHsmV2Model, kmsModel, ec2Model].flatMap((model) =>
      patternsOf(...model.operationNames.flatMap((name) => [model.operation(name)!.input, model.operation(name)!.output]).filter((shape) => shape !== undefined)),
    );
    expect(patterns.length).to.be.greaterThan(20);
    for (const pattern of patterns) expect(modelPattern(pattern, (message) => warnings.push(message)), pattern).to.be.instanceOf(RegExp);
    expect(warnings).to.deep.equal([]);
  });

  it('matches the whole value, as Java Matcher.matches() does', () => {
    const subnet = modelPattern('subnet-[0-9a-fA-F]{8,17}')!;
    expect(subnet.test('subnet-12345678')).to.equal(true);
    expect(subnet.test('xsubnet-12345678')).to.equal(false);
    expect(subnet.test('subnet-12345678 ')).to.equal(false);
  });

  it('takes Unicode categories such as \\p{L}', () => {
    const tagKey = modelPattern('^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$')!;
    expect(tagKey.test('Ünïcødé key 1')).to.equal(true);
    expect(tagKey.test('bad#key')).to.equal(false);
  });

  it('translates Java-only syntax: anchors and POSIX classes, inside and outside brackets', () => {
    expect(translateJavaPattern('\\Aab\\z')).to.equal('^(?:^ab$)$');
    expect(translateJavaPattern('\\p{Alpha}+')).to.equal('^(?:[a-zA-Z]+)$');
    expect(translateJavaPattern('[\\p{Digit}_]')).to.equal('^(?:[0-9_])$');
    expect(translateJavaPattern('\\P{Digit}')).to.equal('^(?:[^0-9])$');
    expect(modelPattern('[\\p{Alnum}-]+')!.test('abc-1')).to.equal(true);
  });

  it('skips a pattern JavaScript cannot compile, warning once', () => {
    const warnings: string[] = [];
    const warn = (message: string): void => {
      warnings.push(message);
    };
    expect(modelPattern('(?<broken', warn)).to.equal(undefined);
    expect(modelPattern('(?<broken', warn)).to.equal(undefined);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include('(?<broken');
  });
});
