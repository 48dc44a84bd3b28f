export const SOURCES_FILE: string;
export function sourcesHash(root?: string): string;
export function staleDist(root?: string): string | undefined;
