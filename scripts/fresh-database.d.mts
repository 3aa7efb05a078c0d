export type FreshDatabase = { url: string; drop: () => Promise<void> };
export function createFreshDatabase(adminUrl: string, prefix: string, onSkip?: (err: Error) => void): Promise<FreshDatabase | null>;
