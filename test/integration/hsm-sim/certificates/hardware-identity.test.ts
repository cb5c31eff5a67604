import { expect } from 'chai';
import { X509Certificate } from 'node:crypto';
import { createHardwareCa, createHsmIdentity, type CertificateAuthority, type TlsIdentity } from '../../../../hsm-sim/node/certificates';
import { otherCa } from '../../../support/pki-fixtures';
import { connectToHsm } from './tls-probe';

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

describe('HSM identity before initialisation (hardware CA)', () => {
  let hardwareCa: CertificateAuthority;
  let identity: TlsIdentity;

  before(() => {
    hardwareCa = createHardwareCa();
    identity = createHsmIdentity(hardwareCa, { hsmId: 'hsm-ucwjm5bhhds', ip: '127.0.0.1' });
  });

  it('roots in a self-signed 20-year hardware CA', () => {
    const root = new X509Certificate(hardwareCa.certPem);
    expect(root.subject).to.equal('CN=cloudhsm-sim Hardware Root CA\nO=cloudhsm-sim');
    expect(root.ca).to.equal(true);
    expect(root.checkIssued(root)).to.equal(true);
    expect(new Date(root.validTo).getUTCFullYear() - new Date(root.validFrom).getUTCFullYear()).to.equal(20);
  });

  it('names the HSM by id and IP in a leaf for server and client authentication, followed by the CA', () => {
    const [leafPem, caPem] = identity.certChainPem.split(/(?<=-----END CERTIFICATE-----\n)/);
    const leaf = new X509Certificate(leafPem!);
    expect(caPem).to.equal(hardwareCa.certPem);
    expect(leaf.subject).to.equal('CN=hsm-ucwjm5bhhds');
    expect(leaf.subjectAltName).to.equal('IP Address:127.0.0.1, DNS:hsm-ucwjm5bhhds');
    expect(leaf.keyUsage).to.have.members([SERVER_AUTH, CLIENT_AUTH]);
    expect(leaf.ca).to.equal(false);
    expect(leaf.verify(new X509Certificate(hardwareCa.certPem).publicKey)).to.equal(true);
  });

  it('is verified at its IP by a client that trusts the hardware CA', async () => {
    expect(await connectToHsm(identity, { ca: hardwareCa.certPem })).to.deep.equal({ verified: true, peerCommonName: 'hsm-ucwjm5bhhds' });
  });

  it('is refused by a client that trusts another CA', async () => {
    expect(await connectToHsm(identity, { ca: otherCa.certPem })).to.deep.equal({ verified: false, code: 'SELF_SIGNED_CERT_IN_CHAIN' });
  });

  it('is refused at an IP its certificate does not name', async () => {
    const elsewhere = createHsmIdentity(hardwareCa, { hsmId: 'hsm-ucwjm5bhhds', ip: '127.0.0.2' });
    expect(await connectToHsm(elsewhere, { ca: hardwareCa.certPem })).to.deep.equal({ verified: false, code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
  });
});
