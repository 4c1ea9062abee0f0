/**
 * The interpreter worker's entry point. It exposes the Comlink API and nothing else; the main thread decides
 * when it boots, what it runs and when it dies.
 */
import { expose } from 'comlink';
import { createWorkerApi } from './worker-api';

expose(createWorkerApi());
