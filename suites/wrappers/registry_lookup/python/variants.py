"""wrappers/registry_lookup in Python: the source document's `register` class decorator
fills a dict when the classes are defined; a lookup constructs the class the name maps to.
py_match_statement is the closed-set alternative (a `match` on the name). Both return
(sum of (i + 1) * tag, unknown names), as the C++ variants do."""

REGISTRY = {}

NAMES = ("csv", "json", "xml", "yaml", "toml", "ini", "protobuf", "avro", "parquet", "orc",
         "msgpack", "cbor", "bson", "thrift", "capnp", "flatbuffers")


def register(name):
    def wrapper(cls):
        REGISTRY[name] = cls
        return cls

    return wrapper


class Reader:
    __slots__ = ()
    tag = 0


def _define_readers():
    # One class per format, each registered by the decorator as it is defined.
    classes = []
    for k, name in enumerate(NAMES):
        cls = register(name)(type(f"{name.capitalize()}Reader", (Reader,),
                                  {"__slots__": (), "tag": 1000 + 7 * k}))
        classes.append(cls)
    return classes


(CsvReader, JsonReader, XmlReader, YamlReader, TomlReader, IniReader, ProtobufReader,
 AvroReader, ParquetReader, OrcReader, MsgpackReader, CborReader, BsonReader, ThriftReader,
 CapnpReader, FlatbuffersReader) = _define_readers()


def py_dict_registry(names):
    tags = unknown = 0
    registry = REGISTRY
    for i, name in enumerate(names, 1):
        try:
            reader = registry[name]()
        except KeyError:
            unknown += 1
            continue
        tags += i * reader.tag
    return tags & ((1 << 64) - 1), unknown


def _create_by_match(name):
    match name:
        case "csv": return CsvReader()
        case "json": return JsonReader()
        case "xml": return XmlReader()
        case "yaml": return YamlReader()
        case "toml": return TomlReader()
        case "ini": return IniReader()
        case "protobuf": return ProtobufReader()
        case "avro": return AvroReader()
        case "parquet": return ParquetReader()
        case "orc": return OrcReader()
        case "msgpack": return MsgpackReader()
        case "cbor": return CborReader()
        case "bson": return BsonReader()
        case "thrift": return ThriftReader()
        case "capnp": return CapnpReader()
        case "flatbuffers": return FlatbuffersReader()
    raise KeyError(name)


def py_match_statement(names):
    tags = unknown = 0
    for i, name in enumerate(names, 1):
        try:
            reader = _create_by_match(name)
        except KeyError:
            unknown += 1
            continue
        tags += i * reader.tag
    return tags & ((1 << 64) - 1), unknown
