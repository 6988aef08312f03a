/** The hash functions behind the signature methods (node:crypto names). */
export type HashName = 'sha256' | 'sm3';
