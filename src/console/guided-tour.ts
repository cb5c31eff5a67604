// The guided mode: the steps of `cloudhsm-sim tour` (src/cli/tour/tour-steps.ts, same titles and
// explanations), each with the command a learner types to do it and the part of the picture it changes.
// The learner runs the command; the picture shows the change live.

import { TOUR_STEPS } from '../cli/tour/tour-steps';
import type { GuideStep } from './console-snapshot.types';

type StepExtras = Pick<GuideStep, 'command' | 'highlight'>;

/** One per tour step, in the tour's order. `$A` is `aws --endpoint-url <endpoint> --region <region>`. */
const EXTRAS: readonly StepExtras[] = [
  { highlight: 'subnets', command: `$A ec2 describe-subnets --query 'Subnets[].[SubnetId,AvailabilityZone,CidrBlock]'` },
  {
    highlight: 'cluster',
    command: `C=$($A cloudhsmv2 create-cluster --hsm-type hsm1.medium --subnet-ids <subnet-a> <subnet-b> --query Cluster.ClusterId --output text)`,
  },
  { highlight: 'hsm', command: `$A cloudhsmv2 create-hsm --cluster-id $C --availability-zone <region>a` },
  {
    highlight: 'certificates',
    command: [
      `$A cloudhsmv2 describe-clusters --filters clusterIds=$C --query 'Clusters[0].Certificates.ClusterCsr' --output text > \${C}_ClusterCsr.csr`,
      `openssl req -x509 -newkey rsa:2048 -nodes -keyout customerCA.key -out customerCA.crt -days 3652 -subj /CN=customerCA`,
      `openssl x509 -req -days 3652 -in \${C}_ClusterCsr.csr -CA customerCA.crt -CAkey customerCA.key -CAcreateserial -out \${C}_CustomerHsmCertificate.crt`,
    ].join('\n'),
  },
  {
    highlight: 'certificates',
    command: `$A cloudhsmv2 initialize-cluster --cluster-id $C --signed-cert file://\${C}_CustomerHsmCertificate.crt --trust-anchor file://customerCA.crt`,
  },
  {
    highlight: 'users',
    command: [
      `printf 'loginHSM PRECO admin password\\nchangePswd PRECO admin Admin-pass1\\ny\\nlogoutHSM\\nloginHSM CO admin Admin-pass1\\ncreateUser CU kmsuser kmsPswd\\ny\\nquit\\n' \\`,
      `  | npm run --silent cmu -- --cluster-id $C --endpoint <endpoint> --ca-file customerCA.crt`,
    ].join('\n'),
  },
  { highlight: 'hsm', command: `$A cloudhsmv2 create-hsm --cluster-id $C --availability-zone <region>b` },
  {
    highlight: 'store',
    command: `S=$($A kms create-custom-key-store --custom-key-store-name ExampleKeyStore --cloud-hsm-cluster-id $C --key-store-password kmsPswd --trust-anchor-certificate file://customerCA.crt --query CustomKeyStoreId --output text)\n(or use the "Create key store" form on this page)`,
  },
  { highlight: 'store', command: `$A kms connect-custom-key-store --custom-key-store-id $S\n(or the Connect button on the store)` },
  {
    highlight: 'keys',
    command: [
      `K=$($A kms create-key --origin AWS_CLOUDHSM --custom-key-store-id $S --description 'Tour key' --query KeyMetadata.KeyId --output text)`,
      `$A kms encrypt --key-id $K --plaintext fileb://plaintext.txt`,
    ].join('\n'),
  },
];

/** The tour's steps with their commands; `endpoint` is filled in, `<region>` is left for the page (the Region it shows). */
export function guideSteps(endpoint: string): GuideStep[] {
  if (EXTRAS.length !== TOUR_STEPS.length) throw new Error(`the guide has ${EXTRAS.length} steps, the tour ${TOUR_STEPS.length}: keep them in step`);
  const fill = (text: string): string => text.replaceAll('<endpoint>', endpoint);
  return TOUR_STEPS.map((step, index) => ({ title: step.title, purpose: step.purpose, command: fill(EXTRAS[index]!.command), highlight: EXTRAS[index]!.highlight }));
}
