// TagResource, UntagResource, ListTags on clusters and backups (aws-behaviour 6.3).

import { inject, injectable } from 'tsyringe';
import { CloudHsmResourceNotFoundException, CloudHsmTagException } from './cloudhsm.errors';
import { CloudHsmTokens } from './cloudhsm.tokens';
import type { RequestScope } from './cluster.service';
import type { Tag } from './domain/cloudhsm.shapes';
import type { BackupRecord } from './domain/backup';
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
      const resource = this.requireResource(scope, input.ResourceId);
      const merged = new Map(resource.tags.map((tag) => [tag.Key, tag.Value]));
      for (const tag of input.TagList) merged.set(tag.Key, tag.Value);
      if (merged.size > MAX_TAGS) throw new CloudHsmTagException(`${input.ResourceId} would have ${merged.size} tags; a resource can have at most ${MAX_TAGS}.`);
      resource.save([...merged].map(([Key, Value]) => ({ Key, Value })));
    });
    return {};
  }

  untagResource(scope: RequestScope, input: { ResourceId: string; TagKeyList: string[] }): Record<string, never> {
    this.repository.transaction(() => {
      const resource = this.requireResource(scope, input.ResourceId);
      resource.save(resource.tags.filter((tag) => !input.TagKeyList.includes(tag.Key)));
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

  /** API_TagResource: ResourceId is a cluster id or a backup id. */
  private requireResource(scope: RequestScope, resourceId: string): { tags: Tag[]; save(tags: Tag[]): void } {
    const inScope = (record: ClusterRecord | BackupRecord | undefined): boolean =>
      record !== undefined && record.accountId === scope.accountId && record.region === scope.region && record.state !== 'DELETED';
    const cluster = this.repository.getCluster(resourceId);
    if (cluster && inScope(cluster)) {
      return { tags: cluster.tags, save: (tags) => this.repository.saveCluster({ ...cluster, tags }) };
    }
    const backup = this.repository.getBackup(resourceId);
    if (backup && inScope(backup)) {
      return { tags: backup.tags, save: (tags) => this.repository.saveBackup({ ...backup, tags }) };
    }
    throw new CloudHsmResourceNotFoundException(`Resource ${resourceId} does not exist in ${scope.region}.`);
  }
}
