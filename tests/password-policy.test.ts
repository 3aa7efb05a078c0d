import assert from "node:assert/strict";
import { test } from "node:test";
import { dictionary } from "@zxcvbn-ts/language-common";
import { checkNewPassword } from "../lib/auth/password-policy";

// ASVS 5.0 6.2.4: at least the 3,000 most used passwords are refused, whatever their case.
test("the 3,000 most used passwords long enough to pass the length rule are refused", () => {
  const top = dictionary["passwords-common"].slice(0, 3000).filter((p) => p.length >= 8);
  assert.ok(top.length > 600, `${top.length} of the top 3,000 are 8+ characters`);
  const allowed = top.filter((p) => checkNewPassword(p, "someone") === null || checkNewPassword(p.toUpperCase(), "someone") === null);
  assert.deepEqual(allowed, []);
  assert.match(checkNewPassword("baseball", "someone") ?? "", /most common/);
});

test("a long, uncommon passphrase and the length and username rules", () => {
  assert.equal(checkNewPassword("correct horse battery staple 42", "someone"), null);
  assert.match(checkNewPassword("short", "someone") ?? "", /at least 8/);
  assert.match(checkNewPassword("Someone-long-name", "someone-long-name") ?? "", /username/);
});
