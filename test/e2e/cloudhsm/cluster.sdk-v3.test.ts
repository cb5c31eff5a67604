// Issue acceptance with the AWS SDK for JavaScript v3 (@aws-sdk/client-cloudhsm-v2 and client-ec2)
// against `cloudhsm-sim start`: the same seed path as the aws CLI test, and AWS-shaped errors.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudHSMV2Client, CreateClusterCommand, CreateHsmCommand, DescribeClustersCommand, InitializeClusterCommand, type Cluster } from '@aws-sdk/client-cloudhsm-v2';
import { DeleteSubnetCommand, DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { expect } from 'chai';
import { signCsrAsCustomer, tlsClientOptions } from '../../../hsm-sim/node/certificates';
import { RpcClient } from '../../../hsm-sim/protocol';
import { customerCa } from '../../support/pki-fixtures';
import { SimulatorProcess } from '../support/simulator-process';
import { waitFor } from '../support/wait-for';

describe('e2e (AWS SDK for JavaScript v3): CloudHSM V2 and EC2', function () {
  this.timeout(120_000);
  let simulator: SimulatorProcess;
  let cloudhsm: CloudHSMV2Client;
  let ec2: EC2Client;

  before(async () => {
    simulator = await SimulatorProcess.start();
    const options = { endpoint: simulator.endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } };
    cloudhsm = new CloudHSMV2Client(options);
    ec2 = new EC2Client(options);
  });
  after(async () => {
    cloudhsm?.destroy();
    ec2?.destroy();
    await simulator?.destroy();
  });

  const describeCluster = async (clusterId: string): Promise<Cluster> =>
    (await cloudhsm.send(new DescribeClustersCommand({ Filters: { clusterIds: [clusterId] } }))).Clusters![0]!;

  it('builds an ACTIVE cluster with two HSMs in two AZs', async () => {
    const { Subnets } = await ec2.send(new DescribeSubnetsCommand({}));
    expect(Subnets!.map((subnet) => subnet.AvailabilityZone)).to.deep.equal(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    const { Cluster } = await cloudhsm.send(new CreateClusterCommand({ HsmType: 'hsm1.medium', SubnetIds: Subnets!.slice(0, 2).map((subnet) => subnet.SubnetId!) }));
    const clusterId = Cluster!.ClusterId!;
    expect(Cluster!.CreateTimestamp).to.be.instanceOf(Date);

    const { SecurityGroups } = await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [Cluster!.SecurityGroup!] }));
    expect(SecurityGroups![0]!.GroupName).to.equal(`cloudhsm-${clusterId}-sg`);
    expect(SecurityGroups![0]!.IpPermissions![0]).to.include({ IpProtocol: 'tcp', FromPort: 2223, ToPort: 2225 });

    await waitFor('UNINITIALIZED', async () => ((await describeCluster(clusterId)).State === 'UNINITIALIZED' ? true : undefined));
    await cloudhsm.send(new CreateHsmCommand({ ClusterId: clusterId, AvailabilityZone: 'eu-west-1a' }));
    const csr = await waitFor('the CSR', async () => (await describeCluster(clusterId)).Certificates?.ClusterCsr);
    await cloudhsm.send(new InitializeClusterCommand({ ClusterId: clusterId, SignedCert: signCsrAsCustomer(csr, customerCa), TrustAnchor: customerCa.certPem }));
    await waitFor('INITIALIZED', async () => ((await describeCluster(clusterId)).State === 'INITIALIZED' ? true : undefined));

    // Activation, as cmu does it, on the HSM's management port, verified against customerCA.
    const response = await fetch(`${simulator.endpoint}/_sim/clusters/${clusterId}/hsms`);
    const { Hsms } = (await response.json()) as { Hsms: { Host: string; ManagementPort: number }[] };
    const management = await RpcClient.connect({ host: Hsms[0]!.Host, port: Hsms[0]!.ManagementPort, tls: tlsClientOptions(customerCa.certPem) });
    await management.call('login', { role: 'PRECO', username: 'admin', password: 'password' });
    await management.call('changePassword', { role: 'PRECO', username: 'admin', password: 'Admin-pass1' });
    await management.close();
    await waitFor('ACTIVE', async () => ((await describeCluster(clusterId)).State === 'ACTIVE' ? true : undefined));

    await cloudhsm.send(new CreateHsmCommand({ ClusterId: clusterId, AvailabilityZone: 'eu-west-1b' }));
    const hsms = await waitFor('two ACTIVE HSMs', async () => {
      const listed = (await describeCluster(clusterId)).Hsms ?? [];
      return listed.length === 2 && listed.every((hsm) => hsm.State === 'ACTIVE') ? listed : undefined;
    });
    expect(hsms.map((hsm) => hsm.AvailabilityZone).sort()).to.deep.equal(['eu-west-1a', 'eu-west-1b']);
    expect(readFileSync(join(simulator.dataDir, 'pki', 'hardware-ca.crt'), 'utf8')).to.match(/BEGIN CERTIFICATE/);
  });

  it('answers bad requests with AWS-named errors the SDK understands', async () => {
    const invalid = await cloudhsm.send(new InitializeClusterCommand({ ClusterId: 'cluster-aaaaaaaaaaa', SignedCert: 'x', TrustAnchor: 'y' })).catch((error: unknown) => error);
    expect(invalid).to.have.property('name', 'CloudHsmResourceNotFoundException');
    expect(invalid).to.have.nested.property('$metadata.httpStatusCode', 400);

    const validation = await cloudhsm.send(new CreateClusterCommand({ HsmType: 'hsm1.medium', SubnetIds: ['not-a-subnet'] })).catch((error: unknown) => error);
    expect(validation).to.have.property('name', 'ValidationException');
    expect((validation as Error).message).to.match(/^1 validation error detected: Value .* at 'subnetIds' failed to satisfy constraint/);

    const missing = await ec2.send(new DeleteSubnetCommand({ SubnetId: 'subnet-00000000000000000' })).catch((error: unknown) => error);
    expect(missing).to.have.property('name', 'InvalidSubnetID.NotFound');
  });
});
