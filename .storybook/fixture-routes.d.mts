import type { IncomingMessage, ServerResponse } from 'node:http';

/** Connect-style middleware for the story routes (see fixture-routes.mjs). */
export declare function fixtureRoutes(request: IncomingMessage, response: ServerResponse, next: () => void): void;
