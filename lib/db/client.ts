import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "../generated/prisma/client";

export function createClient(factory: SqlDriverAdapterFactory) {
  // Password hashes and emails leave the database only where a query asks for them.
  return new PrismaClient({ adapter: factory, omit: { user: { passwordHash: true, email: true } } });
}
