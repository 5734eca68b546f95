extension UnsafeBufferPointer where Element == UInt8 {
    /// The scalar starting at `index` of valid UTF-8 (a String's bytes), and its length in bytes:
    /// the lead byte gives the length.
    @inline(__always)
    package func utf8Scalar(at index: Int) -> (value: UInt32, length: Int) {
        let lead = self[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(self[index + offset] & 0x3F) }
        return (value, length)
    }
}
