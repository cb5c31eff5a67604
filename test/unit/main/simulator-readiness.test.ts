// /_sim/health: "starting" while a preset is applied or an HSM process has not answered yet, "ready"
// otherwise; the services and every HSM process's state are listed.

import { expect } from 'chai';
import { HEALTH_ROUTE, healthRoute } from '../../../src/main/health.routes';
import { SimulatorReadiness } from '../../../src/main/simulator-readiness';

describe('simulator readiness (GET /_sim/health)', () => {
  it('is ready with no preset and every HSM process running, and lists services and HSMs', () => {
    const readiness = new SimulatorReadiness(() => ({ 'hsm-a': 'running', 'hsm-b': 'running' }), '1.2.3');
    expect(readiness.view()).to.deep.equal({
      status: 'ready',
      version: '1.2.3',
      services: { cloudhsmv2: 'running', cloudtrail: 'running', ec2: 'running', kms: 'running' },
      hsms: { 'hsm-a': 'running', 'hsm-b': 'running' },
    });
  });

  it('is starting while a preset is applied or failed, and while an HSM process starts', () => {
    let hsms: Record<string, string> = { 'hsm-a': 'starting' };
    const readiness = new SimulatorReadiness(() => hsms);
    expect(readiness.view().status).to.equal('starting');
    hsms = { 'hsm-a': 'running' };
    readiness.presetApplying('seed');
    expect(readiness.view()).to.deep.include({ status: 'starting', preset: { name: 'seed', phase: 'applying' } });
    readiness.presetFailed('seed', new Error('no subnet'));
    expect(readiness.view()).to.deep.include({ status: 'starting', preset: { name: 'seed', phase: 'failed', error: 'no subnet' } });
    readiness.presetApplied('seed');
    expect(readiness.view().status).to.equal('ready');
  });

  it('does not go back to starting when a fault kills an HSM', () => {
    expect(new SimulatorReadiness(() => ({ 'hsm-a': 'dead', 'hsm-b': 'hung' })).view().status).to.equal('ready');
  });

  it('answers 404 for a path under it', () => {
    const readiness = new SimulatorReadiness(() => ({}), '0.0.0');
    const request = { method: 'GET', query: new URLSearchParams(), body: undefined };
    expect(healthRoute(readiness, { ...request, path: HEALTH_ROUTE }).status).to.equal(undefined);
    expect(healthRoute(readiness, { ...request, path: `${HEALTH_ROUTE}/x` }).status).to.equal(404);
  });
});
