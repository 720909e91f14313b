import Testing

@testable import LeNet5

/// MD5 and SHA-256 against the published test vectors (RFC 1321 appendix A.5, FIPS 180-2
/// appendix B) and against Python's hashlib at every padding boundary.
@Suite struct DigestTests {
    func md5(_ bytes: [UInt8]) -> String {
        var digest = MD5()
        digest.update(bytes)
        return digest.hexadecimal
    }

    func sha256(_ bytes: [UInt8]) -> String {
        var digest = SHA256()
        digest.update(bytes)
        return digest.hexadecimal
    }

    @Test func md5MatchesRFC1321() {
        let vectors: [(String, String)] = [
            ("", "d41d8cd98f00b204e9800998ecf8427e"),
            ("a", "0cc175b9c0f1b6a831c399e269772661"),
            ("abc", "900150983cd24fb0d6963f7d28e17f72"),
            ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
            ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
            (
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
                "d174ab98d277d9f5a5611c2c9f419d9f"
            ),
            (String(repeating: "1234567890", count: 8), "57edf4a22be3c955ac49da2e2107b67a"),
        ]
        for (message, expected) in vectors {
            #expect(md5(Array(message.utf8)) == expected, "\(message)")
        }
    }

    @Test func sha256MatchesFIPS180() {
        let vectors: [(String, String)] = [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            (
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
                    + "klmnopqrlmnopqrsmnopqrstnopqrstu",
                "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
            ),
            (
                String(repeating: "a", count: 1_000_000),
                "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
            ),
        ]
        for (message, expected) in vectors {
            #expect(sha256(Array(message.utf8)) == expected, "\(message.prefix(20))")
        }
    }

    /// Messages of i * 7 % 251 around the lengths where padding spills into another block; the
    /// expected digests come from Python's hashlib.
    @Test func paddingBoundariesMatchHashlib() {
        let vectors: [(Int, String, String)] = [
            (
                55, "a3c81137436036ad8b477da25301a150",
                "8af594de0e003fdee5c8bb088216c824349b4137070f559574f4a4bddd27b714"
            ),
            (
                56, "64c7901679c62fee89dae9fdc90f6cdc",
                "db81bc2bfd43620591df192139062da77d4c376f1888ea3d2190bd07c8d901f9"
            ),
            (
                57, "de3640741df50a25ebfbf7bfad1df856",
                "4d95ad65f5ec430c9a97ae9243b87d4d6fa0c474288c93cecfbfe9257e711780"
            ),
            (
                63, "ca2a2c51613f550d77bfa700fa71b2f3",
                "bd535b38bf0d0d1a09d370b7e34b2696cea3767801a45d5611a4aaa6954e8527"
            ),
            (
                64, "c1e181645d10867b9810b9ab454f39fd",
                "292be91abe8c0909fe3d26575af5755eee74d23816dc68c3ba41765136967654"
            ),
            (
                65, "8ce7034cd47c2e5766f920d9f6cd25b2",
                "ba65aedf7884642499a59ae124894611d986cf429e69f569488048af3a99e25a"
            ),
            (
                119, "bbee0fa54927be9cec551823419525d6",
                "d367ab298e74477421127b0b448667c37c006c636f5738f081c39388756e5fad"
            ),
            (
                120, "bec94d18929378fdb98c26a97f1dba72",
                "be7beb9c82089eb08da8fe6eb30c13b9d56869014e228a8c3eb0fdfe832efab2"
            ),
            (
                128, "3eba58a155f6aa0ef467626f0e78d53b",
                "cb5311e1d7aa8e11d6af7081f3ffc3e4efa008c7483a1a791fe170bf37546ba7"
            ),
            (
                1000, "4b2f37fc49a134b17c7275fd04a1b7ac",
                "59425e4412e296fc74736673ce067027f384203f59c0d2c3e6be7b13347b3ffc"
            ),
        ]
        for (length, expectedMD5, expectedSHA256) in vectors {
            let message = (0..<length).map { UInt8($0 * 7 % 251) }
            #expect(md5(message) == expectedMD5, "MD5 of \(length) bytes")
            #expect(sha256(message) == expectedSHA256, "SHA-256 of \(length) bytes")
        }
    }

    /// Fed in pieces of any sizes, the digest is the digest of the whole.
    @Test func piecesGiveTheDigestOfTheWhole() {
        let message = (0..<1000).map { UInt8($0 * 7 % 251) }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            var md5 = MD5()
            var sha256 = SHA256()
            var start = 0
            while start < message.count {
                let end = min(message.count, start + Int.random(in: 0...150, using: &generator))
                md5.update(Array(message[start..<end]))
                sha256.update(Array(message[start..<end]))
                start = end
            }
            #expect(md5.hexadecimal == self.md5(message))
            #expect(sha256.hexadecimal == self.sha256(message))
        }
    }
}
