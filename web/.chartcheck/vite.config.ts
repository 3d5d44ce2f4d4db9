import { defineConfig, mergeConfig } from 'vite';
import base from '../vite.config';
export default mergeConfig(base, defineConfig({ root: __dirname, build: { outDir: '/tmp/steward-chartcheck' } }));
