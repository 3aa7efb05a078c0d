/** The key that counts failed log-ins for one account, by the username or email typed. */
export const loginFailuresKey = (identifier: string) => `login:account:${identifier.toLowerCase()}`;
