/** Shared integer ranges for properties whose values are open-ended counts. */

/** Any non-negative value FreeRDP accepts: it rejects negatives and values outside INT32. */
export const NON_NEGATIVE_INT32 = { min: 0, max: 2147483647 } as const;
