// The import rules of DESIGN.md, checked on every `npm test`.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'Modules form no import cycles (type-only imports vanish at run time and do not count).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'appliance-does-not-know-the-cloud',
      comment: 'hsm-sim is the appliance: it never imports src.',
      severity: 'error',
      from: { path: '^hsm-sim/' },
      to: { path: '^src/' },
    },
    {
      name: 'pkcs11js-only-in-the-softhsm-engine',
      comment: 'pkcs11js is imported only under hsm-sim/engine/softhsm.',
      severity: 'error',
      from: { pathNot: '^hsm-sim/engine/softhsm/' },
      to: { path: 'node_modules/pkcs11js/' },
    },
    {
      name: 'node-forge-only-in-pki-code',
      comment: "node-forge is imported only by the pki adapter and the node's certificate code.",
      severity: 'error',
      from: { pathNot: '^(src/adapters/pki/|hsm-sim/node/certificates/)' },
      to: { path: 'node_modules/node-forge/' },
    },
    {
      name: 'domain-does-no-io',
      comment: 'Domain code imports no I/O library.',
      severity: 'error',
      from: { path: '/domain/' },
      to: {
        path: '(^|/)node_modules/(pkcs11js|better-sqlite3|node-forge)/|^(node:)?(fs|net|tls|http|https|child_process|dgram)$',
      },
    },
    {
      name: 'production-code-does-not-import-tests',
      severity: 'error',
      from: { path: '^(src|hsm-sim)/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
