/** The database's tables, by what they hold. */

export * from './figures'
export * from './networks'
export * from './operator'
export * from './organisations'
export * from './people'
export * from './rounds'
export * from './strategy'
