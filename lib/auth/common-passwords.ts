/**
 * The most used passwords of 8+ characters from public breach lists (the shorter ones are
 * already refused by the length rule). Lower-cased; compared case-insensitively.
 */
export const commonPasswords = new Set(
  `password 12345678 123456789 1234567890 qwertyuiop qwerty123 password1 password123 iloveyou
  11111111 00000000 12341234 87654321 88888888 11223344 123123123 1q2w3e4r 1q2w3e4r5t 1qaz2wsx
  qwertyui asdfghjk zxcvbnm1 abcd1234 abc12345 a1b2c3d4 aa123456 sunshine princess football
  baseball welcome1 welcome123 superman trustno1 whatever starwars computer michelle jennifer
  passw0rd p@ssw0rd p@ssword letmein1 letmein123 iloveyou1 monkey123 dragon123 master123
  qwerty12 qwerty1234 1234qwer q1w2e3r4 q1w2e3r4t5 zaq12wsx password! changeme changeme123
  admin123 administrator 123qweasd qweasdzxc asdf1234 asdfasdf 12qwaszx 147258369 987654321
  123456789a 987654321a 1234567a 12345678a 123456a@ football1 baseball1 shadow123 liverpool
  chelsea1 arsenal1 pokemon1 minecraft fortnite1 batman123 iloveyou2 lovely123 sunshine1
  princess1 charlie1 freedom1 whatever1 internet computer1 mustang1 jordan23 michael1
  samsung1 google123 welcome! qwerty!@ 1111111111 0987654321 12344321 123456123 1q2w3e4r!`
    .split(/\s+/)
    .filter(Boolean),
);
