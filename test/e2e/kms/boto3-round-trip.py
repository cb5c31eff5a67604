"""boto3, unmodified, against the simulator: a key in the custom key store, Encrypt/Decrypt and
GenerateDataKey. Prints one JSON line with what it saw. Usage: boto3-round-trip.py ENDPOINT REGION STORE_ID"""
import json
import sys

import boto3

endpoint, region, store_id = sys.argv[1:4]
kms = boto3.client('kms', endpoint_url=endpoint, region_name=region,
                   aws_access_key_id='AKIDEXAMPLE', aws_secret_access_key='secret')
key = kms.create_key(Origin='AWS_CLOUDHSM', CustomKeyStoreId=store_id)['KeyMetadata']
sealed = kms.encrypt(KeyId=key['KeyId'], Plaintext=b'boto3 was here', EncryptionContext={'client': 'boto3'})
opened = kms.decrypt(CiphertextBlob=sealed['CiphertextBlob'], EncryptionContext={'client': 'boto3'})
data_key = kms.generate_data_key(KeyId=key['Arn'], KeySpec='AES_256')
unwrapped = kms.decrypt(CiphertextBlob=data_key['CiphertextBlob'])
try:
    kms.decrypt(CiphertextBlob=sealed['CiphertextBlob'], EncryptionContext={'client': 'other'})
    wrong_context = 'accepted'
except kms.exceptions.InvalidCiphertextException:
    wrong_context = 'InvalidCiphertextException'
print(json.dumps({
    'origin': key['Origin'],
    'store': key['CustomKeyStoreId'],
    'plaintext': opened['Plaintext'].decode(),
    'keyId': opened['KeyId'] == key['Arn'],
    'dataKeyLength': len(data_key['Plaintext']),
    'dataKeyRoundTrip': unwrapped['Plaintext'] == data_key['Plaintext'],
    'wrongContext': wrong_context,
}))
