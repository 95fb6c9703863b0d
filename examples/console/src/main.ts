// The console page's script (examples/console/console.js, `npm run build:console`):
// defines <ponte-console> and its views. The widgets it embeds come from
// the server's /widgets/, as on any integrator's page.
import './ponte-console.js';
