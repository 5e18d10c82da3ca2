/**
 * The network store: networks, their memberships and invitations, and their frozen periods. It
 * is the only module that reads or writes these tables, and it never keeps a figure under a
 * member's name, so that it can move to a database of its own by giving it that database (the
 * organisations it offers for invitation would then come from the service, not a join).
 */

export * from './lists'
export * from './memberships'
export * from './periods'
