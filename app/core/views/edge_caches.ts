/*
| Edge work that production repeats on every request although the views never change
| there. Both are turned on by start/view.ts when the app runs in production.
*/
import type { Edge } from 'edge.js'

/** Calls `forget` whenever a views directory is mounted or unmounted. */
function onMountChange(edge: Edge, forget: () => void) {
  const loader = edge.loader
  const mount = loader.mount.bind(loader)
  const unmount = loader.unmount.bind(loader)
  loader.mount = (...args) => {
    forget()
    return mount(...args)
  }
  loader.unmount = (...args) => {
    forget()
    return unmount(...args)
  }
}

/**
| Edge lists the component files of every views directory each time a renderer is made
| (each request: the auth middleware shares the user with the view) unless it was
| *constructed* with `cache: true`; AdonisJS turns the cache on later, with configure(),
| which that listing ignores. It cost a fifth of an API request's CPU time
| (bench/profiles/api_calls.md). List them once, and again only if a directory is mounted
| or unmounted.
*/
export function cacheComponentListing(edge: Edge) {
  const loader = edge.loader
  const listComponents = loader.listComponents.bind(loader)
  let components: ReturnType<typeof listComponents> | undefined
  loader.listComponents = () => (components ??= listComponents())
  onMountChange(edge, () => (components = undefined))
}

/**
| Every template a page renders (the page, its layout, each component and include) goes
| through `compile(path, localVariables)`. Edge then resolves the path against the mounted
| folders and looks it up in its cache, except for an `@include`: Edge calls it with the
| names of the loop variables in scope, always an array, and never caches a compile that
| has one, so every include read, tokenized and parsed its file again on every request (a
| seventh of the application page's CPU time, bench/profiles/application_page.md).
| The compiled function depends only on the path and on those names: keep it under both,
| while the compiler's own cache is on, until a folder is mounted or unmounted.
*/
export function cacheCompiledTemplates(edge: Edge) {
  const caches: Map<string, unknown>[] = []
  for (const compiler of [edge.compiler, edge.asyncCompiler]) {
    const compile = compiler.compile.bind(compiler)
    const compiled = new Map<string, ReturnType<typeof compile>>()
    caches.push(compiled)
    compiler.compile = (templatePath, localVariables) => {
      if (!compiler.cacheManager.enabled) return compile(templatePath, localVariables)
      const key = localVariables ? `${templatePath}\u0000${localVariables.join(',')}` : templatePath
      let template = compiled.get(key)
      if (!template) {
        template = compile(templatePath, localVariables)
        compiled.set(key, template)
      }
      return template
    }
  }
  onMountChange(edge, () => caches.forEach((cache) => cache.clear()))
}
