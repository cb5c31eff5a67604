// The picture: Region -> VPC -> Availability Zones -> subnets -> HSMs (state, ENI IP, ports 2223-2225,
// process up / down / hung, faults on it) and the ENIs KMS made for its stores, drawn as SVG.

import type { ConsoleHsm, ConsoleSnapshot, ConsoleSubnet, ConsoleVpc, ConsoleZone } from '../console-snapshot.types';
import { html, short } from './html';

export type Selection = { readonly kind: 'hsm' | 'cluster' | 'store'; readonly id: string } | { readonly kind: 'zone'; readonly id: string } | undefined;

const ZONE_WIDTH = 262;
const GAP = 14;
const HSM_HEIGHT = 96;
const ENI_HEIGHT = 26;

export const STATE_COLORS: Readonly<Record<string, string>> = {
  ACTIVE: '#2e7d32',
  CONNECTED: '#2e7d32',
  DEGRADED: '#ef6c00',
  FAILED: '#c62828',
  CREATE_IN_PROGRESS: '#1565c0',
  INITIALIZE_IN_PROGRESS: '#1565c0',
  CONNECTING: '#1565c0',
  DISCONNECTING: '#6a1b9a',
  INITIALIZED: '#00838f',
  UNINITIALIZED: '#795548',
  DELETE_IN_PROGRESS: '#757575',
  DELETED: '#9e9e9e',
  DISCONNECTED: '#616161',
};

const PROCESS_COLORS: Readonly<Record<string, string>> = { up: '#2e7d32', hung: '#f9a825', down: '#c62828', starting: '#1565c0', stopping: '#6a1b9a', none: '#9e9e9e' };

export const colorOf = (state: string): string => STATE_COLORS[state] ?? '#555';

function subnetHeight(subnet: ConsoleSubnet): number {
  return 34 + subnet.hsmIds.length * (HSM_HEIGHT + 8) + (subnet.kmsEnis.length > 0 ? ENI_HEIGHT * subnet.kmsEnis.length + 4 : 0) + 6;
}

function zoneHeight(zone: ConsoleZone): number {
  return 34 + zone.subnets.reduce((sum, subnet) => sum + subnetHeight(subnet) + 8, 0);
}

function vpcSize(vpc: ConsoleVpc): { width: number; height: number } {
  return { width: GAP + vpc.zones.length * (ZONE_WIDTH + GAP), height: 40 + Math.max(60, ...vpc.zones.map(zoneHeight)) + GAP };
}

interface PictureProps {
  readonly snapshot: ConsoleSnapshot;
  readonly selection: Selection;
  readonly highlight: string | undefined;
  readonly select: (selection: Selection) => void;
}

export function Topology({ snapshot, selection, highlight, select }: PictureProps) {
  const hsms = new Map(snapshot.clusters.flatMap((cluster) => cluster.hsms.map((hsm) => [hsm.hsmId, hsm] as const)));
  const sizes = snapshot.vpcs.map(vpcSize);
  const width = Math.max(520, ...sizes.map((size) => size.width)) + 2 * GAP;
  const height = 44 + sizes.reduce((sum, size) => sum + size.height + GAP, 0);
  let y = 40;
  const vpcs = snapshot.vpcs.map((vpc, index) => {
    const at = y;
    y += sizes[index]!.height + GAP;
    return drawVpc(vpc, GAP, at, sizes[index]!.width, sizes[index]!.height, hsms, selection, highlight, select);
  });
  return html`<svg class="topology" data-testid="topology" viewBox="0 0 ${width} ${height}" width=${width} height=${height} role="img" aria-label="Region, VPC, zones, subnets and HSMs">
    <rect class="region" x="4" y="4" width=${width - 8} height=${height - 8} rx="10" />
    <text class="region-title" x="18" y="28">Region ${snapshot.region} · account ${snapshot.accountId}</text>
    ${vpcs}
  </svg>`;
}

function drawVpc(
  vpc: ConsoleVpc,
  x: number,
  y: number,
  width: number,
  height: number,
  hsms: ReadonlyMap<string, ConsoleHsm>,
  selection: Selection,
  highlight: string | undefined,
  select: (selection: Selection) => void,
) {
  return html`<g class="vpc" data-vpc-id=${vpc.vpcId}>
    <rect class="vpc-frame" x=${x} y=${y} width=${width} height=${height} rx="8" />
    <text class="vpc-title" x=${x + 12} y=${y + 22}>VPC ${vpc.vpcId} · ${vpc.cidrBlock}${vpc.isDefault ? ' (default)' : ''}</text>
    ${vpc.zones.map((zone, index) => drawZone(zone, x + GAP + index * (ZONE_WIDTH + GAP), y + 34, hsms, selection, highlight, select))}
  </g>`;
}

function drawZone(
  zone: ConsoleZone,
  x: number,
  y: number,
  hsms: ReadonlyMap<string, ConsoleHsm>,
  selection: Selection,
  highlight: string | undefined,
  select: (selection: Selection) => void,
) {
  const selected = selection?.kind === 'zone' && selection.id === zone.name;
  let subnetY = y + 30;
  return html`<g class=${`zone${zone.outage ? ' outage' : ''}${selected ? ' selected' : ''}`} data-zone=${zone.name}>
    <rect class="zone-frame" x=${x} y=${y} width=${ZONE_WIDTH} height=${zoneHeight(zone)} rx="6" onClick=${() => select({ kind: 'zone', id: zone.name })} />
    <text class="zone-title" x=${x + 10} y=${y + 20} onClick=${() => select({ kind: 'zone', id: zone.name })}>${zone.name}${zone.outage ? '  ⚠ zone outage' : ''}</text>
    ${zone.subnets.map((subnet) => {
      const at = subnetY;
      subnetY += subnetHeight(subnet) + 8;
      return drawSubnet(subnet, x + 8, at, hsms, selection, highlight, select);
    })}
  </g>`;
}

function drawSubnet(
  subnet: ConsoleSubnet,
  x: number,
  y: number,
  hsms: ReadonlyMap<string, ConsoleHsm>,
  selection: Selection,
  highlight: string | undefined,
  select: (selection: Selection) => void,
) {
  const width = ZONE_WIDTH - 16;
  const eniTop = y + 34 + subnet.hsmIds.length * (HSM_HEIGHT + 8);
  return html`<g class=${`subnet${highlight === 'subnets' ? ' hl' : ''}`} data-subnet-id=${subnet.subnetId}>
    <rect class="subnet-frame" x=${x} y=${y} width=${width} height=${subnetHeight(subnet)} rx="5" />
    <text class="subnet-title" x=${x + 8} y=${y + 16}>${subnet.subnetId}</text>
    <text class="subnet-sub" x=${x + 8} y=${y + 29}>${subnet.cidrBlock} · ${subnet.freeAddresses} free</text>
    ${subnet.hsmIds.map((hsmId, index) => {
      const hsm = hsms.get(hsmId);
      return hsm ? drawHsm(hsm, x + 6, y + 34 + index * (HSM_HEIGHT + 8), width - 12, selection, highlight, select) : null;
    })}
    ${subnet.kmsEnis.map(
      (eni, index) => html`<g class=${`kms-eni${highlight === 'store' ? ' hl' : ''}`} data-eni-id=${eni.eniId}>
        <rect x=${x + 6} y=${eniTop + index * ENI_HEIGHT} width=${width - 12} height=${ENI_HEIGHT - 4} rx="11" />
        <text x=${x + 16} y=${eniTop + index * ENI_HEIGHT + 15}>KMS ENI ${eni.ip} · ${short(eni.eniId, 6)}</text>
      </g>`,
    )}
  </g>`;
}

function portColor(hsm: ConsoleHsm): string {
  if (hsm.process === 'down' || hsm.process === 'none') return '#c62828';
  if (hsm.faults.some((fault) => fault.kind === 'network-partition' || fault.kind === 'az-outage')) return '#c62828';
  if (hsm.process === 'hung' || hsm.faults.some((fault) => fault.kind.includes('latency') || fault.kind === 'network-loss')) return '#f9a825';
  return '#2e7d32';
}

function drawHsm(hsm: ConsoleHsm, x: number, y: number, width: number, selection: Selection, highlight: string | undefined, select: (selection: Selection) => void) {
  const selected = selection?.kind === 'hsm' && selection.id === hsm.hsmId;
  const color = colorOf(hsm.state);
  const ports = portColor(hsm);
  const classes = `hsm${selected ? ' selected' : ''}${highlight === 'hsm' ? ' hl' : ''} process-${hsm.process}`;
  return html`<g class=${classes} data-hsm-id=${hsm.hsmId} data-state=${hsm.state} data-process=${hsm.process} onClick=${() => select({ kind: 'hsm', id: hsm.hsmId })}>
    <rect class="hsm-box" x=${x} y=${y} width=${width} height=${HSM_HEIGHT} rx="6" style=${`stroke:${color}`} />
    <text class="hsm-id" x=${x + 10} y=${y + 18}>${hsm.hsmId}</text>
    <circle cx=${x + width - 14} cy=${y + 14} r="7" fill=${PROCESS_COLORS[hsm.process] ?? '#999'}><title>process ${hsm.process}</title></circle>
    <text class="hsm-process" x=${x + width - 26} y=${y + 18} text-anchor="end">${hsm.process}</text>
    <text class="hsm-state" x=${x + 10} y=${y + 35} fill=${color}>${hsm.state}</text>
    <text class="hsm-cluster" x=${x + width - 10} y=${y + 35} text-anchor="end">${short(hsm.clusterId, 6)}</text>
    <text class="hsm-eni" x=${x + 10} y=${y + 52}>ENI ${hsm.eniIp}</text>
    ${[2223, 2224, 2225].map(
      (port, index) => html`<g class="port"><rect x=${x + 10 + index * 48} y=${y + 60} width="44" height="15" rx="3" fill=${ports} /><text x=${x + 32 + index * 48} y=${y + 71} text-anchor="middle">${port}</text></g>`,
    )}
    <text class="hsm-faults" x=${x + 10} y=${y + 89}>${hsm.faults.map((fault) => `⚡${fault.kind}`).join(' ')}</text>
  </g>`;
}
