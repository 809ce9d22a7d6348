// Node-RED settings of the peer benchmark's lane (docs/benchmarks.md): the repository's flow, no editor and no admin
// API, nothing installed at run time, and the park's meter table (written by the bench from the park file) in global
// context for the flow's function. The flow has no credentials (the bench's broker and InfluxDB take none), so
// nothing is encrypted and no key is set. The bench starts Node-RED with --userDir <scratch> --settings <this file>.
module.exports = {
    flowFile: process.env.PEERS_FLOW_FILE,
    uiHost: "127.0.0.1",
    httpAdminRoot: false,
    httpNodeRoot: false,
    functionGlobalContext: {
        parkMeters: require(process.env.PEERS_METER_TABLE)
    },
    externalModules: {
        autoInstall: false,
        palette: { allowInstall: false },
        modules: { allowInstall: false }
    },
    diagnostics: { enabled: false },
    telemetry: { enabled: false },
    logging: {
        console: { level: "info", metrics: false, audit: false }
    }
};
