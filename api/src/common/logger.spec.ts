import pino from 'pino';
import { PinoNestLogger } from './logger';

describe('PinoNestLogger', () => {
  const capture = () => {
    type Line = { level: number; msg: string; context?: string };
    const lines: Line[] = [];
    const logger = pino(
      { level: 'info' },
      { write: (line: string) => lines.push(JSON.parse(line) as Line) },
    );
    return { nest: new PinoNestLogger(logger), lines };
  };

  it("keeps Nest's start-up chatter (modules, routes) below info", () => {
    const { nest, lines } = capture();
    nest.log('Mapped {/api/v1/kudos, POST} route', 'RouterExplorer');
    nest.log('AppModule dependencies initialized', 'InstanceLoader');
    nest.log('KudosController {/api/kudos}:', 'RoutesResolver');
    expect(lines).toEqual([]);
  });

  it('writes what the app itself logs at info', () => {
    const { nest, lines } = capture();
    nest.log('invitation for kai@example.com', 'InvitationsService');
    expect(lines).toMatchObject([{ level: 30, msg: 'invitation for kai@example.com' }]);
  });
});
