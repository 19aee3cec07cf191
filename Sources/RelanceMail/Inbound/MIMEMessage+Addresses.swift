extension MIMEMessage {
    /// The addresses in the named header fields, lower-cased, in order of appearance, each once.
    /// For matching only: `From` can be forged, so a match by address never outranks a signed token.
    public func addresses(inHeaders names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.flatMap { headers.all($0) }
            .flatMap { AddressExtraction.addresses(in: $0) }
            .filter { seen.insert($0).inserted }
    }

    /// The message's own Message-ID, without angle brackets.
    public var ownMessageID: String? {
        headers.all("Message-ID").lazy.flatMap(MessageReferences.messageIDs(in:)).first
    }
}
