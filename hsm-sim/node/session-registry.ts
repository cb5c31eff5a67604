// Who is logged in on which client connection. A user may be logged in on several connections at once;
// changePswd and deleteUser look here (aws-behaviour 7.3).

import type { ConnectionContext, Principal } from './node.types';

export class SessionRegistry {
  private readonly principals = new Map<string, Principal>();

  logIn(ctx: ConnectionContext, principal: Principal): void {
    delete ctx.pendingTwoFactor;
    ctx.principal = principal;
    this.principals.set(ctx.connectionId, principal);
  }

  /** The principal that was logged in on this connection, if any. */
  logOut(ctx: ConnectionContext): Principal | undefined {
    const principal = ctx.principal;
    delete ctx.principal;
    delete ctx.pendingTwoFactor;
    this.principals.delete(ctx.connectionId);
    return principal;
  }

  isLoggedIn(userId: number): boolean {
    return [...this.principals.values()].some((principal) => principal.userId === userId);
  }

  isLoggedInElsewhere(userId: number, connectionId: string): boolean {
    return [...this.principals].some(([connection, principal]) => principal.userId === userId && connection !== connectionId);
  }

  anyoneLoggedIn(): boolean {
    return this.principals.size > 0;
  }
}
