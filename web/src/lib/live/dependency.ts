/** Server loads that show live data `depends()` on this; a connection that lost pushes refetches them. */
export const LIVE_DEPENDENCY = 'bravo:live';
