// The services the endpoint serves: awsJson services by X-Amz-Target prefix, and the one EC2 query service.

import type { ServiceModel } from './service-model';
import type { OperationHandler, OperationHandlers } from './wire.types';

export interface RegisteredService {
  readonly model: ServiceModel;
  readonly handlers: ReadonlyMap<string, OperationHandler>;
}

export class ServiceRegistry {
  private readonly jsonServices = new Map<string, RegisteredService>();
  private ec2Service: RegisteredService | undefined;

  /** Throws when a handler names an operation the model does not have, or the service is registered twice. */
  register(model: ServiceModel, handlers: OperationHandlers): void {
    const unknown = Object.keys(handlers).filter((name) => model.operation(name) === undefined);
    if (unknown.length > 0) throw new Error(`${model.metadata.serviceId} has no operation ${unknown.join(', ')}`);
    const service: RegisteredService = { model, handlers: new Map(Object.entries(handlers)) };
    const { protocol, targetPrefix, serviceId } = model.metadata;
    if (protocol === 'json') {
      const prefix = targetPrefix!;
      if (this.jsonServices.has(prefix)) throw new Error(`${serviceId} is already registered`);
      this.jsonServices.set(prefix, service);
    } else {
      if (this.ec2Service !== undefined) throw new Error(`an EC2 query service is already registered`);
      this.ec2Service = service;
    }
  }

  json(targetPrefix: string): RegisteredService | undefined {
    return this.jsonServices.get(targetPrefix);
  }

  get ec2(): RegisteredService | undefined {
    return this.ec2Service;
  }
}
