import { expect } from 'chai';
import {
  createClusterCsr,
  createHsmIdentity,
  issueInitializedHsmIdentity,
  signCsrAsCustomer,
  tlsClientOptions,
  type ClusterCredentials,
} from '../../../../hsm-sim/node/certificates';
import { customerCa, opensslSignedCluster, otherCa } from '../../../support/pki-fixtures';
import { connectToHsm } from './tls-probe';

const HSM = { hsmId: 'hsm-ucwjm5bhhds', ip: '127.0.0.1' };

function certificateCount(chainPem: string): number {
  return chainPem.split('-----BEGIN CERTIFICATE-----').length - 1;
}

describe('TLS chain of an initialised cluster', () => {
  describe('cluster certificate signed as a CA', () => {
    const cluster: ClusterCredentials = { keyPem: opensslSignedCluster.keyPem, certPem: opensslSignedCluster.caCertPem };

    it('each HSM presents its own leaf followed by the cluster certificate', async () => {
      const identity = issueInitializedHsmIdentity(cluster, HSM);
      expect(certificateCount(identity.certChainPem)).to.equal(2);
      expect(identity.certChainPem.endsWith(cluster.certPem)).to.equal(true);
      expect(await connectToHsm(identity, tlsClientOptions(customerCa.certPem))).to.deep.equal({ verified: true, peerCommonName: HSM.hsmId });
    });

    it('is refused by a client whose trust anchor is another CA', async () => {
      const identity = issueInitializedHsmIdentity(cluster, HSM);
      expect(await connectToHsm(identity, tlsClientOptions(otherCa.certPem))).to.deep.equal({ verified: false, code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' });
    });
  });

  const nonCaClusters: Array<{ title: string; cluster: () => ClusterCredentials }> = [
    {
      title: 'with the AWS docs openssl command (v1, no extensions)',
      cluster: () => ({ keyPem: opensslSignedCluster.keyPem, certPem: opensslSignedCluster.certPem }),
    },
    {
      title: 'by signCsrAsCustomer (v3, no extensions)',
      cluster: () => {
        const csr = createClusterCsr(opensslSignedCluster.clusterId);
        return { keyPem: csr.keyPem, certPem: signCsrAsCustomer(csr.csrPem, customerCa) };
      },
    },
  ];

  for (const { title, cluster: makeCluster } of nonCaClusters) {
    describe(`cluster certificate signed ${title}`, () => {
      let cluster: ClusterCredentials;

      before(() => {
        cluster = makeCluster();
      });

      it('cannot issue: OpenSSL refuses a chain leaf <- cluster certificate <- trust anchor', async () => {
        const chainedLeaf = createHsmIdentity({ certPem: cluster.certPem, keyPem: cluster.keyPem }, HSM);
        expect(await connectToHsm(chainedLeaf, tlsClientOptions(customerCa.certPem))).to.deep.equal({ verified: false, code: 'INVALID_PURPOSE' });
      });

      it('SIM: so each HSM presents the cluster certificate itself, verified with the trust anchor', async () => {
        const identity = issueInitializedHsmIdentity(cluster, HSM);
        expect(identity).to.deep.equal({ keyPem: cluster.keyPem, certChainPem: cluster.certPem });
        const outcome = await connectToHsm(identity, tlsClientOptions(customerCa.certPem));
        expect(outcome).to.deep.equal({ verified: true, peerCommonName: opensslSignedCluster.clusterId });
      });

      it('is refused by a client whose trust anchor is another CA', async () => {
        const identity = issueInitializedHsmIdentity(cluster, HSM);
        expect(await connectToHsm(identity, tlsClientOptions(otherCa.certPem))).to.deep.equal({ verified: false, code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
      });

      it('needs tlsClientOptions: the default host name check refuses a certificate without the IP', async () => {
        const identity = issueInitializedHsmIdentity(cluster, HSM);
        expect(await connectToHsm(identity, { ca: customerCa.certPem })).to.deep.equal({ verified: false, code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
      });
    });
  }
});
