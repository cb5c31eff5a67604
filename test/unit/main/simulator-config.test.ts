import { expect } from 'chai';
import { DEFAULT_PORT, loadSimulatorConfig } from '../../../src/main/simulator-config';

describe('simulator configuration', () => {
  it('takes defaults, then environment variables, then flags', () => {
    expect(loadSimulatorConfig({}, {})).to.include({ port: DEFAULT_PORT, host: '127.0.0.1', engine: 'softhsm', region: 'us-east-1' });
    const env = { CLOUDHSM_SIM_PORT: '5000', CLOUDHSM_SIM_TIME_SCALE: '1', CLOUDHSM_SIM_DATA_DIR: '/tmp/from-env' };
    expect(loadSimulatorConfig({}, env)).to.include({ port: 5000, timeScale: 1, dataDir: '/tmp/from-env' });
    expect(loadSimulatorConfig({ port: '0', 'time-scale': '0', 'data-dir': '/tmp/flag' }, env)).to.include({ port: 0, timeScale: 0, dataDir: '/tmp/flag' });
  });

  it('refuses values out of range with a message naming the flag', () => {
    expect(() => loadSimulatorConfig({ port: '70000' }, {})).to.throw('--port must be an integer from 0 to 65535, not "70000"');
    expect(() => loadSimulatorConfig({ port: '' }, {})).to.throw('--port');
    expect(() => loadSimulatorConfig({ 'time-scale': '-1' }, {})).to.throw('--time-scale');
    expect(() => loadSimulatorConfig({ engine: 'hardware' }, {})).to.throw('--engine must be softhsm or in-memory');
    expect(() => loadSimulatorConfig({ 'log-level': 'loud' }, {})).to.throw('--log-level');
    expect(() => loadSimulatorConfig({ 'key-store-request-rate': '1.5' }, {})).to.throw('--key-store-request-rate must be an integer');
  });

  it("keeps AWS's 1,800 requests/s per key store unless told otherwise; 0 lifts the limit", () => {
    expect(loadSimulatorConfig({}, {}).keyStoreRequestRate).to.equal(1_800);
    expect(loadSimulatorConfig({}, { CLOUDHSM_SIM_KEY_STORE_REQUEST_RATE: '0' }).keyStoreRequestRate).to.equal(0);
    expect(loadSimulatorConfig({ 'key-store-request-rate': '5400' }, {}).keyStoreRequestRate).to.equal(5_400);
  });
});
