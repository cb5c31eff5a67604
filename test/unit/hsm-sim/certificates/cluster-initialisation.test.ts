import { expect } from 'chai';
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import {
  createClusterCsr,
  createCustomerCa,
  createSelfSignedServerCertificate,
  signCsrAsCustomer,
  verifySignedClusterCertificate,
  type CertificateCheck,
  type ClusterCsr,
} from '../../../../hsm-sim/node/certificates';
import { customerCa, opensslSignedCluster, otherCa } from '../../../support/pki-fixtures';

const DAY_MS = 24 * 60 * 60 * 1000;

function reasonOf(check: CertificateCheck): string {
  if (check.ok) expect.fail('expected the signed cluster certificate to be rejected');
  return check.reason;
}

describe('cluster initialisation: CSR, signed certificate and trust anchor', () => {
  let csr: ClusterCsr;

  before(() => {
    csr = createClusterCsr('cluster-igzcbn6vtat');
  });

  it('creates an RSA-2048 cluster key and a CSR naming the cluster', () => {
    const key = createPrivateKey(csr.keyPem);
    expect(key.asymmetricKeyType).to.equal('rsa');
    expect(key.asymmetricKeyDetails?.modulusLength).to.equal(2048);
    const signed = new X509Certificate(signCsrAsCustomer(csr.csrPem, customerCa));
    expect(signed.subject).to.equal('CN=cluster-igzcbn6vtat\nO=cloudhsm-sim');
    expect(signed.publicKey.equals(createPublicKey(key))).to.equal(true);
  });

  it('signs as the customer does: 3652 days, no CA extension', () => {
    const signed = new X509Certificate(signCsrAsCustomer(csr.csrPem, customerCa));
    expect(signed.ca).to.equal(false);
    expect(signed.checkIssued(new X509Certificate(customerCa.certPem))).to.equal(true);
    expect(Date.parse(signed.validTo) - Date.parse(signed.validFrom)).to.equal(3652 * DAY_MS);
  });

  it('accepts the CSR signed by the trust anchor', () => {
    const signedCertPem = signCsrAsCustomer(csr.csrPem, customerCa);
    expect(verifySignedClusterCertificate({ csrPem: csr.csrPem, signedCertPem, trustAnchorPem: customerCa.certPem })).to.deep.equal({ ok: true });
  });

  it('accepts the v1 certificate that the AWS docs openssl command makes, and one signed as a CA', () => {
    const { csrPem, certPem, caCertPem } = opensslSignedCluster;
    expect(verifySignedClusterCertificate({ csrPem, signedCertPem: certPem, trustAnchorPem: customerCa.certPem })).to.deep.equal({ ok: true });
    expect(verifySignedClusterCertificate({ csrPem, signedCertPem: caCertPem, trustAnchorPem: customerCa.certPem })).to.deep.equal({ ok: true });
  });

  it('rejects a certificate for another key than the CSR', () => {
    const signedCertPem = signCsrAsCustomer(createClusterCsr('cluster-igzcbn6vtat').csrPem, customerCa);
    const check = verifySignedClusterCertificate({ csrPem: csr.csrPem, signedCertPem, trustAnchorPem: customerCa.certPem });
    expect(reasonOf(check)).to.equal("SignedCert certifies another key than the cluster CSR's");
  });

  it('rejects a certificate that another CA signed', () => {
    const signedCertPem = signCsrAsCustomer(csr.csrPem, otherCa);
    const check = verifySignedClusterCertificate({ csrPem: csr.csrPem, signedCertPem, trustAnchorPem: customerCa.certPem });
    expect(reasonOf(check)).to.equal('SignedCert is not issued by the TrustAnchor: its issuer CN=otherCA is not CN=customerCA');
  });

  it('rejects a certificate that another CA of the same name signed', () => {
    const signedCertPem = signCsrAsCustomer(csr.csrPem, createCustomerCa('customerCA'));
    const check = verifySignedClusterCertificate({ csrPem: csr.csrPem, signedCertPem, trustAnchorPem: customerCa.certPem });
    expect(reasonOf(check)).to.equal("SignedCert's signature does not verify with the TrustAnchor's key");
  });

  it('rejects a trust anchor that is not a CA', () => {
    const serverCertificate = createSelfSignedServerCertificate('customerCA');
    const signedCertPem = signCsrAsCustomer(csr.csrPem, serverCertificate);
    const check = verifySignedClusterCertificate({ csrPem: csr.csrPem, signedCertPem, trustAnchorPem: serverCertificate.certPem });
    expect(reasonOf(check)).to.equal('TrustAnchor is not a CA: its basicConstraints say cA false');
  });

  it('rejects a trust anchor that is not self-signed', () => {
    const signedCertPem = signCsrAsCustomer(csr.csrPem, customerCa);
    const check = verifySignedClusterCertificate({ csrPem: csr.csrPem, signedCertPem, trustAnchorPem: signedCertPem });
    expect(reasonOf(check)).to.equal('TrustAnchor is not self-signed: CN=cluster-igzcbn6vtat, O=cloudhsm-sim is issued by CN=customerCA');
  });

  it('rejects an expired certificate', () => {
    const signedCertPem = signCsrAsCustomer(csr.csrPem, customerCa, 30);
    const notAfter = new Date(new X509Certificate(signedCertPem).validTo);
    const now = new Date(Date.now() + 60 * DAY_MS);
    const check = verifySignedClusterCertificate({ csrPem: csr.csrPem, signedCertPem, trustAnchorPem: customerCa.certPem, now });
    expect(reasonOf(check)).to.equal(`SignedCert expired on ${notAfter.toISOString()}`);
  });

  it('rejects input that is not PEM, naming the parameter', () => {
    const signedCertPem = signCsrAsCustomer(csr.csrPem, customerCa);
    const garbage = 'not a certificate';
    expect(reasonOf(verifySignedClusterCertificate({ csrPem: garbage, signedCertPem, trustAnchorPem: customerCa.certPem }))).to.match(/^the cluster CSR is not a PKCS#10 request in PEM/);
    expect(reasonOf(verifySignedClusterCertificate({ csrPem: csr.csrPem, signedCertPem: garbage, trustAnchorPem: customerCa.certPem }))).to.match(/^SignedCert is not an X.509 certificate in PEM/);
    expect(reasonOf(verifySignedClusterCertificate({ csrPem: csr.csrPem, signedCertPem, trustAnchorPem: garbage }))).to.match(/^TrustAnchor is not an X.509 certificate in PEM/);
  });
});
