"""boto3, unmodified, watching faults and the simulated clock: a network partition of the store's
cluster added and healed over /_sim/faults, and a 7-day deletion window that holds until
/_sim/clock/advance moves past it. Prints one JSON line with what it saw.
Usage: boto3-faults-and-clock.py ENDPOINT REGION STORE_ID CLUSTER_ID"""
import json
import sys
import urllib.request

import boto3
import botocore.exceptions

endpoint, region, store_id, cluster_id = sys.argv[1:5]
kms = boto3.client('kms', endpoint_url=endpoint, region_name=region,
                   aws_access_key_id='AKIDEXAMPLE', aws_secret_access_key='secret')


def sim(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(endpoint + path, data=data, method=method, headers={'content-type': 'application/json'})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.loads(response.read() or b'{}')
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b'{}')


def outcome(call):
    try:
        call()
        return 'ok'
    except botocore.exceptions.ClientError as error:
        return error.response['Error']['Code']


seen = {}
key = kms.create_key(Origin='AWS_CLOUDHSM', CustomKeyStoreId=store_id)['KeyMetadata']
sealed = kms.encrypt(KeyId=key['KeyId'], Plaintext=b'before the partition')['CiphertextBlob']

status, fault = sim('POST', '/_sim/faults', {'kind': 'network-partition', 'target': {'clusterId': cluster_id}, 'params': {'mode': 'refuse'}})
seen['addStatus'] = status
seen['listed'] = [listed['faultId'] for listed in sim('GET', '/_sim/faults')[1]['faults']] == [fault['faultId']]
seen['duringPartition'] = outcome(lambda: kms.encrypt(KeyId=key['KeyId'], Plaintext=b'x'))
seen['storeDuringPartition'] = kms.describe_custom_key_stores(CustomKeyStoreId=store_id)['CustomKeyStores'][0]['ConnectionState']
seen['healStatus'] = sim('DELETE', '/_sim/faults/' + fault['faultId'])[0]
seen['afterHeal'] = kms.decrypt(CiphertextBlob=sealed)['Plaintext'].decode()
seen['badKind'] = sim('POST', '/_sim/faults', {'kind': 'meteor', 'target': {'clusterId': cluster_id}})[0]

ordinary = kms.create_key()['KeyMetadata']['KeyId']
before = sim('GET', '/_sim/clock')[1]['now']
deletion = kms.schedule_key_deletion(KeyId=ordinary, PendingWindowInDays=7)
seen['scheduled'] = deletion['KeyState']
sim('POST', '/_sim/clock/advance', {'seconds': 6 * 86400})
seen['after6Days'] = kms.describe_key(KeyId=ordinary)['KeyMetadata']['KeyState']
sim('POST', '/_sim/clock/advance', {'seconds': 86400})
seen['after7Days'] = outcome(lambda: kms.describe_key(KeyId=ordinary))
after = sim('GET', '/_sim/clock')[1]['now']
seen['clockMoved'] = [before[:10], after[:10]]
print(json.dumps(seen))
