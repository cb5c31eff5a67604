#!/usr/bin/env python3
"""Extracts the AWS service models the simulator speaks from botocore's data (Apache-2.0), keeping
only the operations we serve and the shapes they reach, without documentation strings.

The output in src/wire/models/ is committed: the wire layer validates and serialises every request
from AWS's own shapes (lengths, patterns, ranges, enums, required members) instead of hand-written
copies. Run it again after upgrading botocore:  python3 scripts/models/extract-aws-models.py
"""
import gzip
import json
import os

import botocore

SERVICES = {
    ('cloudhsmv2', '2017-04-28'): None,  # every operation
    ('kms', '2014-11-01'): None,
    ('ec2', '2016-11-15'): [
        'DescribeAvailabilityZones', 'DescribeVpcs', 'DescribeSubnets', 'CreateSubnet', 'DeleteSubnet',
        'DescribeSecurityGroups', 'CreateSecurityGroup', 'DeleteSecurityGroup',
        'AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress',
        'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress', 'DescribeNetworkInterfaces',
    ],
    ('cloudtrail', '2013-11-01'): ['LookupEvents'],
}
DROP_KEYS = {'documentation', 'documentationUrl', 'deprecatedMessage', 'examples'}
OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'src', 'wire', 'models')


def load(service, version):
    path = os.path.join(os.path.dirname(botocore.__file__), 'data', service, version, 'service-2.json')
    if os.path.exists(path):
        with open(path) as handle:
            return json.load(handle)
    with gzip.open(path + '.gz') as handle:
        return json.load(handle)


def strip(value):
    if isinstance(value, dict):
        return {key: strip(inner) for key, inner in value.items() if key not in DROP_KEYS}
    if isinstance(value, list):
        return [strip(inner) for inner in value]
    return value


def reachable(shapes, roots):
    seen, stack = set(), list(roots)
    while stack:
        name = stack.pop()
        if name in seen or name not in shapes:
            continue
        seen.add(name)
        shape = shapes[name]
        for key in ('member', 'key', 'value'):
            if key in shape:
                stack.append(shape[key]['shape'])
        for member in shape.get('members', {}).values():
            stack.append(member['shape'])
    return seen


def main():
    os.makedirs(OUT, exist_ok=True)
    for (service, version), wanted in SERVICES.items():
        model = load(service, version)
        operations = {name: op for name, op in model['operations'].items() if wanted is None or name in wanted}
        missing = set(wanted or []) - set(operations)
        if missing:
            raise SystemExit(f'{service}: no operations {sorted(missing)}')
        roots = []
        for op in operations.values():
            for key in ('input', 'output'):
                if key in op:
                    roots.append(op[key]['shape'])
            roots.extend(error['shape'] for error in op.get('errors', []))
        shapes = {name: model['shapes'][name] for name in sorted(reachable(model['shapes'], roots))}
        result = strip({'metadata': model['metadata'], 'operations': operations, 'shapes': shapes})
        result['source'] = f'botocore {botocore.__version__} botocore/data/{service}/{version}/service-2.json (Apache-2.0), reduced'
        path = os.path.join(OUT, f'{service}.model.json')
        with open(path, 'w') as handle:
            json.dump(result, handle, indent=1, sort_keys=True)
            handle.write('\n')
        print(f'{path}: {len(operations)} operations, {len(shapes)} shapes')


if __name__ == '__main__':
    main()
