// aws-behaviour 2.9, 8.1: at most 1,800 cryptographic requests per second per AWS CloudHSM key store.

import { expect } from 'chai';
import { KEY_STORE_REQUESTS_PER_SECOND, StoreRequestRate } from '../../../../src/kms/custom-key-stores/store-request-rate';
import { ManualClock } from '../../../support/manual-clock';

describe('custom key store request quota', () => {
  it('answers ThrottlingException past 1,800 requests in a second, per store, and refills with time', () => {
    const clock = new ManualClock();
    const rate = new StoreRequestRate(clock);
    for (let request = 0; request < KEY_STORE_REQUESTS_PER_SECOND; request += 1) rate.take('cks-a');
    expect(() => rate.take('cks-a')).to.throw('You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.').with.property('name', 'ThrottlingException');
    rate.take('cks-b');
    clock.advance(500);
    for (let request = 0; request < KEY_STORE_REQUESTS_PER_SECOND / 2; request += 1) rate.take('cks-a');
    expect(() => rate.take('cks-a')).to.throw().with.property('name', 'ThrottlingException');
  });

  it('takes any number of requests when the limit is 0 (--key-store-request-rate 0)', () => {
    const rate = new StoreRequestRate(new ManualClock(), 0);
    for (let request = 0; request < 10 * KEY_STORE_REQUESTS_PER_SECOND; request += 1) rate.take('cks-a');
  });
});
