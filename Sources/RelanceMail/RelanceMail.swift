// Pure mail: composition of outgoing messages, parsing and classification of incoming ones.
