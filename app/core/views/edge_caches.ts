/*
| Edge work that production repeats on every request although the views never change
| there. Both are turned on by start/view.ts when the app runs in production.
*/
import type { Edge } from 'edge.js'

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
  const mount = loader.mount.bind(loader)
  const unmount = loader.unmount.bind(loader)
  let components: ReturnType<typeof listComponents> | undefined
  loader.listComponents = () => (components ??= listComponents())
  loader.mount = (...args) => {
    components = undefined
    return mount(...args)
  }
  loader.unmount = (...args) => {
    components = undefined
    return unmount(...args)
  }
}

/**
| `@include('partial')` is compiled when the page runs: Edge calls
| `compile(path, localVariables)` with the names of the loop variables in scope, always
| an array, and never caches a compile that has one. So every include read, tokenized and
| parsed its file again on every request (a seventh of the application page's CPU time,
| bench/profiles/application_page.md). The compiled function depends only on the file and
| on those names: keep it under both, while the compiler's own cache is on.
*/
export function cacheIncludedPartials(edge: Edge) {
  for (const compiler of [edge.compiler, edge.asyncCompiler]) {
    const compile = compiler.compile.bind(compiler)
    const partials = new Map<string, ReturnType<typeof compile>>()
    compiler.compile = (templatePath, localVariables) => {
      if (!localVariables || !compiler.cacheManager.enabled) {
        return compile(templatePath, localVariables)
      }
      const key = `${templatePath}\u0000${localVariables.join(',')}`
      let compiled = partials.get(key)
      if (!compiled) {
        compiled = compile(templatePath, localVariables)
        partials.set(key, compiled)
      }
      return compiled
    }
  }
}
