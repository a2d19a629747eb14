// The systemIds the page's actors find each other by (appMachine.ts; docs/decisions/0011-one-actor-system.md).
export const LAB_SYSTEM_ID = 'lab'
export const LESSON_SYSTEM_ID = 'lesson'
export const APP_SYSTEM_ID = 'app'
