// TagResource, UntagResource, ListTags on clusters (aws-behaviour 6.3). Backups are not simulated yet.

import { inject, injectable } from 'tsyringe';
import { CloudHsmResourceNotFoundException, CloudHsmTagException } from './cloudhsm.errors';
import { CloudHsmTokens } from './cloudhsm.tokens';
import type { RequestScope } from './cluster.service';
import type { Tag } from './domain/cloudhsm.shapes';
import { ClusterState } from './domain/cluster.states';
import type { ClusterRecord } from './domain/cluster';
import type { ClusterRepository } from './ports/cluster.repository';

/** API_TagResource: at most 50 tags per resource. */
const MAX_TAGS = 50;
const PAGE_SIZE = 100;

@injectable()
export class TagService {
  constructor(@inject(CloudHsmTokens.ClusterRepository) private readonly repository: ClusterRepository) {}

  tagResource(scope: RequestScope, input: { ResourceId: string; TagList: Tag[] }): Record<string, never> {
    this.repository.transaction(() => {
      const cluster = this.requireResource(scope, input.ResourceId);
      const merged = new Map(cluster.tags.map((tag) => [tag.Key, tag.Value]));
      for (const tag of input.TagList) merged.set(tag.Key, tag.Value);
      if (merged.size > MAX_TAGS) throw new CloudHsmTagException(`${input.ResourceId} would have ${merged.size} tags; a resource can have at most ${MAX_TAGS}.`);
      cluster.tags = [...merged].map(([Key, Value]) => ({ Key, Value }));
      this.repository.saveCluster(cluster);
    });
    return {};
  }

  untagResource(scope: RequestScope, input: { ResourceId: string; TagKeyList: string[] }): Record<string, never> {
    this.repository.transaction(() => {
      const cluster = this.requireResource(scope, input.ResourceId);
      cluster.tags = cluster.tags.filter((tag) => !input.TagKeyList.includes(tag.Key));
      this.repository.saveCluster(cluster);
    });
    return {};
  }

  listTags(scope: RequestScope, input: { ResourceId: string; NextToken?: string; MaxResults?: number }): { TagList: Tag[]; NextToken?: string } {
    const tags = this.requireResource(scope, input.ResourceId).tags;
    const start = input.NextToken ? Number.parseInt(input.NextToken, 10) : 0;
    if (!Number.isInteger(start) || start < 0) throw new CloudHsmTagException('NextToken is not one this service issued.');
    const end = start + (input.MaxResults ?? PAGE_SIZE);
    return { TagList: tags.slice(start, end), ...(end < tags.length ? { NextToken: String(end) } : {}) };
  }

  private requireResource(scope: RequestScope, resourceId: string): ClusterRecord {
    const cluster = this.repository.getCluster(resourceId);
    if (!cluster || cluster.accountId !== scope.accountId || cluster.region !== scope.region || cluster.state === ClusterState.DELETED) {
      throw new CloudHsmResourceNotFoundException(`Resource ${resourceId} does not exist in ${scope.region}.`);
    }
    return cluster;
  }
}
