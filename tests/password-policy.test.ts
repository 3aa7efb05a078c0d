import assert from "node:assert/strict";
import { test } from "node:test";
import { dictionary } from "@zxcvbn-ts/language-common";
import { hashPassword, verifyPassword } from "../lib/auth/password";
import { checkNewPassword, PASSWORD_MAX } from "../lib/auth/password-policy";

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

// ASVS 5.0 6.2.8: the password is checked exactly as typed: every character of the longest
// allowed, its case, its spaces.
test("a password is verified as typed: no truncation, no change of case or spaces", async () => {
  const typed = `${"a long passphrase ".repeat(14)}ÄÉ 🙂 end`.slice(0, PASSWORD_MAX);
  assert.equal(typed.length, PASSWORD_MAX);
  const stored = await hashPassword(typed);
  assert.equal(await verifyPassword(stored, typed), true);
  assert.equal(await verifyPassword(stored, `${typed.slice(0, -1)}x`), false, "the last character counts");
  assert.equal(await verifyPassword(stored, typed.toUpperCase()), false, "case counts");
  assert.equal(await verifyPassword(stored, ` ${typed.slice(0, -1)}`), false, "spaces count");
  assert.equal(await verifyPassword(stored, typed.slice(0, 72)), false, "no 72-byte cut as in bcrypt");
});
